using IvrController.Esl.Connection;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Esl.Tests.Inbound;

/// <summary>The inbound client against a scripted switch, for the cases no capture shows.</summary>
public sealed class InboundClientTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static InboundClientOptions Options(int port) => new()
    {
        Port = port,
        Password = "test-secret",
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private static async Task<(InboundClient Client, ScriptedSwitch Switch)> ConnectedAsync(LoopbackListener listener, InboundClientOptions? options = null)
    {
        var client = new InboundClient(options ?? Options(listener.Port), NullLogger<InboundClient>.Instance);
        Task connecting = client.ConnectAsync(Timeout);
        ScriptedSwitch fake = await listener.AcceptAsync(Timeout);
        await fake.AcceptAuthAsync();
        await connecting;
        return (client, fake);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ClueCon", "factory default")]
    [InlineData("change-me-esl-secret", "placeholder shipped in freeswitch-conf/vars.xml")]
    [InlineData("two words", "space")]
    public void Unsafe_passwords_are_refused_before_connecting(string password, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new InboundClient(new InboundClientOptions { Password = password }, NullLogger<InboundClient>.Instance));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_bind_to_loopback_and_carry_no_password()
    {
        var options = new InboundClientOptions();
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(string.Empty, options.Password);
        Assert.Contains(options.Validate(), p => p.Contains("Password is empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void With_the_defaults_a_restarted_switch_is_tried_again_within_a_second_however_long_it_was_away(double jitter)
    {
        var options = new InboundClientOptions();
        TimeSpan[] waits = Enumerable.Range(0, 200).Select(attempt => InboundClient.ReconnectBackoff(attempt, options, jitter)).ToArray();
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(1)));
        // It still backs off: the first retry is quick, later ones reach the cap.
        Assert.True(waits[0] < waits[3], $"{waits[0]} then {waits[3]}");
    }

    [Fact]
    public async Task An_acl_rejection_says_which_setting_to_change()
    {
        using var listener = LoopbackListener.Start();
        await using var client = new InboundClient(Options(listener.Port), NullLogger<InboundClient>.Instance);
        Task connecting = client.ConnectAsync(Timeout);
        await using (ScriptedSwitch fake = await listener.AcceptAsync(Timeout))
        {
            await fake.SendAsync("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n");
        }

        var error = await Assert.ThrowsAsync<EslAuthenticationException>(() => connecting);
        Assert.Contains("apply-inbound-acl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Access Denied, go away.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bgapi_waiter_exists_before_the_command_so_a_job_that_beats_its_reply_is_not_lost()
    {
        using var listener = LoopbackListener.Start();
        (InboundClient client, ScriptedSwitch fake) = await ConnectedAsync(listener);
        await using (client)
        await using (fake)
        {
            Task<BackgroundJobResult> job = client.BackgroundApiAsync("status");
            WireCommand bgapi = await fake.ReadCommandAsync();
            string jobUuid = bgapi.Header("Job-UUID")!;
            Assert.Matches("^[0-9a-f-]{36}$", jobUuid);

            // Reply and BACKGROUND_JOB in one write, as the recording shows the switch does.
            await fake.SendAsync($"Content-Type: command/reply\nReply-Text: +OK Job-UUID: {jobUuid}\nJob-UUID: {jobUuid}\n\n"
                + ScriptedSwitch.PlainEventWithBody("BACKGROUND_JOB", "+OK done\n", ("Job-UUID", jobUuid), ("Job-Command", "status")));
            BackgroundJobResult result = await job.WaitAsync(Timeout);
            Assert.Equal(jobUuid, result.JobUuid);
            Assert.Equal("+OK done\n", result.Body);
        }
    }

    [Fact]
    public async Task A_disconnect_fails_every_command_and_job_in_flight_with_the_reason()
    {
        using var listener = LoopbackListener.Start();
        (InboundClient client, ScriptedSwitch fake) = await ConnectedAsync(listener);
        await using (client)
        {
            Task<ApiResponse> api1 = client.ApiAsync("status");
            Task<ApiResponse> api2 = client.ApiAsync("sofia status");
            Task<BackgroundJobResult> job = client.BackgroundApiAsync("originate user/1001 &park");
            await fake.ReadCommandAsync();
            await fake.ReadCommandAsync();
            WireCommand bgapi = await fake.ReadCommandAsync();
            await fake.ApiResponseAsync("UP 1 year\n");
            await fake.ApiResponseAsync("profiles\n");
            await fake.ReplyAsync($"+OK Job-UUID: {bgapi.Header("Job-UUID")}");
            Assert.Equal("UP 1 year", (await api1).Text);
            await api2;

            Task<ApiResponse> api3 = client.ApiAsync("show channels");
            await fake.ReadCommandAsync();
            await fake.SendAsync("Content-Type: api/response\nContent-Length: 100\n\npartial");
            await fake.DisposeAsync();

            var apiError = await Assert.ThrowsAsync<EslConnectionException>(() => api3);
            Assert.Contains("in the middle of a frame", apiError.Message, StringComparison.Ordinal);
            var jobError = await Assert.ThrowsAsync<EslConnectionException>(() => job);
            Assert.Contains("closed the connection", jobError.Message, StringComparison.Ordinal);
            Assert.False(client.IsConnected);
        }
    }

    [Fact]
    public async Task A_flood_of_events_is_dropped_and_counted_while_replies_still_get_through()
    {
        using var listener = LoopbackListener.Start();
        InboundClientOptions options = Options(listener.Port);
        options.EventQueueCapacity = 100;
        (InboundClient client, ScriptedSwitch fake) = await ConnectedAsync(listener, options);
        await using (client)
        await using (fake)
        {
            string heartbeat = ScriptedSwitch.PlainEvent("HEARTBEAT", ("Up-Time", "1 second"));
            var flood = new System.Text.StringBuilder();
            for (int i = 0; i < 5000; i++)
            {
                flood.Append(heartbeat);
            }

            Task<ApiResponse> api = client.ApiAsync("status");
            await fake.ReadCommandAsync();
            await fake.SendAsync(flood.ToString());
            await fake.ApiResponseAsync("UP\n");

            // Nobody reads the events, yet the reply behind 5,000 of them arrives.
            Assert.Equal("UP", (await api.WaitAsync(Timeout)).Text);
            Assert.Equal(4900, client.DroppedEvents);
            int queued = 0;
            while (client.Events.TryRead(out _))
            {
                queued++;
            }

            Assert.Equal(100, queued);
        }
    }

    [Fact]
    public async Task After_a_drop_the_client_reconnects_reauthenticates_resubscribes_and_reports_the_gap()
    {
        using var listener = LoopbackListener.Start();
        await using var client = new InboundClient(Options(listener.Port), NullLogger<InboundClient>.Instance);
        var changes = System.Threading.Channels.Channel.CreateUnbounded<InboundConnectionChange>();
        client.ConnectionChanged += (_, change) => changes.Writer.TryWrite(change);
        using var stop = new CancellationTokenSource();
        Task running = client.RunAsync(stop.Token);

        await using (ScriptedSwitch first = await listener.AcceptAsync(Timeout))
        {
            WireCommand auth = await first.AcceptAuthAsync();
            Assert.Equal("auth test-secret", auth.Line);
            Assert.True((await changes.Reader.ReadAsync(Timeout)).IsConnected);

            Task subscribing = client.SubscribeAsync(["CHANNEL_CREATE", "CUSTOM sofia::register"]);
            Assert.Equal("event plain CHANNEL_CREATE CUSTOM sofia::register", (await first.ReadCommandAsync()).Line);
            await first.ReplyAsync("+OK event listener enabled plain");
            await subscribing;
            Task later = client.SubscribeAsync(["BACKGROUND_JOB"]);
            Assert.Equal("event plain BACKGROUND_JOB", (await first.ReadCommandAsync()).Line);
            await first.ReplyAsync("+OK event listener enabled plain");
            await later;
            Task filtering = client.AddFilterAsync("Event-Name", "CHANNEL_CREATE");
            Assert.Equal("filter Event-Name CHANNEL_CREATE", (await first.ReadCommandAsync()).Line);
            await first.ReplyAsync("+OK filter added.");
            await filtering;
        }

        InboundConnectionChange lost = await changes.Reader.ReadAsync(Timeout);
        Assert.False(lost.IsConnected);
        Assert.Contains("closed the connection", lost.Reason, StringComparison.Ordinal);

        // The switch refuses the first retry outright; the client keeps trying.
        await using (ScriptedSwitch refused = await listener.AcceptAsync(Timeout))
        {
        }

        await using ScriptedSwitch second = await listener.AcceptAsync(Timeout);
        Assert.Equal("auth test-secret", (await second.AcceptAuthAsync()).Line);
        Assert.Equal("event plain CHANNEL_CREATE CUSTOM sofia::register", (await second.ReadCommandAsync()).Line);
        await second.ReplyAsync("+OK event listener enabled plain");
        // Replayed one command per subscription: after CUSTOM every word would be read as a subclass.
        Assert.Equal("event plain BACKGROUND_JOB", (await second.ReadCommandAsync()).Line);
        await second.ReplyAsync("+OK event listener enabled plain");
        Assert.Equal("filter Event-Name CHANNEL_CREATE", (await second.ReadCommandAsync()).Line);
        await second.ReplyAsync("+OK filter added.");

        InboundConnectionChange back = await changes.Reader.ReadAsync(Timeout);
        Assert.True(back.IsConnected);
        Assert.Equal("reconnected", back.Reason);
        Assert.NotNull(back.Gap);
        Assert.True(back.Gap > TimeSpan.Zero);

        await stop.CancelAsync();
        await running.WaitAsync(Timeout);
        Assert.False(client.IsConnected);
    }
}
