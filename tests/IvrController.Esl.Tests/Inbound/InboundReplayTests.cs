using IvrController.Esl.Connection;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Esl.Tests.Inbound;

/// <summary>The inbound client against the recorded conversations of a real switch, over TCP.</summary>
public sealed class InboundReplayTests
{
    private static readonly CancellationToken Timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static InboundClient Client(int port, string password) =>
        new(new InboundClientOptions { Port = port, Password = password }, NullLogger<InboundClient>.Instance);

    /// <summary>The client connecting to a switch that replays a capture (and closes once it is played).</summary>
    private static async Task<(InboundClient Client, ReplaySwitch Replay, Task Connecting, Task Peer)> ReplayAsync(string capture, string password)
    {
        var listener = LoopbackListener.Start();
        var replay = ReplaySwitch.FromCapture(capture, closeWhenDone: true);
        InboundClient client = Client(listener.Port, password);
        Task connecting = client.ConnectAsync(Timeout);
        ScriptedSwitch accepted = await listener.AcceptAsync(Timeout);
        listener.Dispose();
        return (client, replay, connecting, replay.RunAsync(accepted.Stream, Timeout));
    }

    [Fact]
    public async Task Api_bgapi_subscriptions_and_events_of_the_recorded_session_end_to_end()
    {
        (InboundClient client, ReplaySwitch replay, Task connecting, Task peer) = await ReplayAsync("inbound-api-bgapi-events", "acceptance-secret");
        await using InboundClient disposing = client;
        await connecting;
        Assert.True(client.IsConnected);

        ApiResponse status = await client.ApiAsync("status");
        Assert.StartsWith("UP 0 years", status.Body, StringComparison.Ordinal);
        Assert.Contains("carrier::pstn", (await client.ApiAsync("sofia status")).Body, StringComparison.Ordinal);
        Assert.Equal("error/user_not_registered", (await client.ApiAsync("sofia_contact 1001@127.0.0.1")).Text);
        Assert.Equal("{\"row_count\": 0}", (await client.ApiAsync("show calls as json")).Text);
        ApiResponse unknown = await client.ApiAsync("nosuchcommand");
        Assert.False(unknown.IsOk);
        Assert.Equal("nosuchcommand Command not found!", unknown.ErrorMessage);

        await client.SubscribeAsync(["CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB", "HEARTBEAT", "CUSTOM", "sofia::register"]);

        BackgroundJobResult statusJob = await client.BackgroundApiAsync("status");
        Assert.True(statusJob.IsOk);
        Assert.Contains("is ready", statusJob.Body, StringComparison.Ordinal);

        BackgroundJobResult originate = await client.BackgroundApiAsync("originate {origination_caller_id_number=4008001000}loopback/9999/public &park");
        Assert.False(originate.IsOk);
        Assert.Equal("-ERR NORMAL_CLEARING", originate.Text);

        Assert.Equal("{\"row_count\": 0}", (await client.ApiAsync("show channels as json")).Text);
        Assert.StartsWith("+OK hangup all channels", (await client.ApiAsync("hupall NORMAL_CLEARING")).Body, StringComparison.Ordinal);

        await client.SendCommandAsync(EslCommand.Events(EslEventFormat.Json, ["ALL"]));
        BackgroundJobResult jsonJob = await client.BackgroundApiAsync("status");
        Assert.StartsWith("UP 0 years, 0 days, 0 hours, 0 minutes, 43 seconds", jsonJob.Body, StringComparison.Ordinal);

        await client.SendCommandAsync(EslCommand.NoEvents());
        await client.AddFilterAsync("Event-Name", "CHANNEL_CREATE");
        CommandReply bye = await client.SendCommandAsync(EslCommand.Exit());
        Assert.Equal("bye", bye.Message);
        await peer;

        Assert.Equal(replay.Recorded.Count, replay.Received.Count);
        Assert.Equal(replay.FrameCount, replay.FramesSent);

        // The channel events reached the consumer queue; the BACKGROUND_JOBs went to their bgapi waiters.
        var names = new List<string>();
        while (client.Events.TryRead(out EslEvent? e))
        {
            names.Add(e.EventName);
        }

        Assert.Equal(["CHANNEL_CREATE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "API"], names.Distinct());
        Assert.DoesNotContain(EventNames.BackgroundJob, names);
        Assert.Equal(0, client.DroppedEvents);
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_authentication_error()
    {
        (InboundClient client, ReplaySwitch _, Task connecting, Task peer) = await ReplayAsync("inbound-bad-password", "wrong-password-first");
        await using InboundClient disposing = client;

        var error = await Assert.ThrowsAsync<EslAuthenticationException>(() => connecting);
        Assert.Contains("refused the event socket password (-ERR invalid)", error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
        await peer;
    }

    [Fact]
    public async Task Commands_while_disconnected_fail_at_once_with_the_reason()
    {
        await using InboundClient client = Client(1, "secret");
        var error = await Assert.ThrowsAsync<EslConnectionException>(() => client.ApiAsync("status"));
        Assert.Contains("not connected", error.Message, StringComparison.Ordinal);
    }
}
