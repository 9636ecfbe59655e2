using System.Net.Sockets;
using IvrController.Esl.Connection;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace IvrController.Esl.Tests.Outbound;

public sealed class OutboundServerTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private const string ConnectReplyHead = "Event-Name: CHANNEL_DATA\nUnique-ID: 90627f73-842c-44c0-982d-e6dd07d7c7b1\nCaller-Caller-ID-Number: 13800138000\nContent-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\n";

    private static async Task<ScriptedSwitch> DialInAsync(OutboundServer server)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(server.LocalEndPoint);
        return new ScriptedSwitch(socket.GetStream());
    }

    /// <summary>Plays the switch up to the point where the handler has the session.</summary>
    private static async Task HandOverAsync(ScriptedSwitch fake)
    {
        // connect and the subscriptions all arrive before the switch has answered any of them: one write.
        Assert.Equal("connect", (await fake.ReadCommandAsync(Timeout)).Line);
        Assert.Equal("myevents", (await fake.ReadCommandAsync(Timeout)).Line);
        // Only the session's own kinds (filters, no nixevent), and not the completions of applications queued without a waiter.
        string[] filters =
        [
            "filter Event-Name CHANNEL_EXECUTE_COMPLETE", "filter Event-Name CHANNEL_HANGUP", "filter Event-Name CHANNEL_HANGUP_COMPLETE",
            "filter Application-UUID -ivr-unawaited",
        ];
        foreach (string filter in filters)
        {
            Assert.Equal(filter, (await fake.ReadCommandAsync(Timeout)).Line);
        }

        Assert.Equal("linger", (await fake.ReadCommandAsync(Timeout)).Line);
        await fake.SendAsync(ConnectReplyHead + "Control: full\n\n");
        await fake.ReplyAsync("+OK Events Enabled");
        foreach (string filter in filters)
        {
            await fake.ReplyAsync($"+OK filter added. [{filter.Split(' ')[1]}]=[{filter.Split(' ')[2]}]");
        }

        await fake.ReplyAsync("+OK will linger");
    }

    [Fact]
    public void Defaults_listen_on_loopback()
    {
        var options = new OutboundServerOptions();
        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Equal(8084, options.Port);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("not-an-address", null, "ListenAddress")]
    [InlineData("127.0.0.1", "10.0.0.0/99", "AllowedPeers")]
    public void Bad_options_are_refused_with_the_setting_named(string listen, string? peer, string setting)
    {
        var options = new OutboundServerOptions { ListenAddress = listen };
        if (peer is not null)
        {
            options.AllowedPeers.Add(peer);
        }

        var error = Assert.Throws<ArgumentException>(() => new OutboundServer(options, (_, _) => Task.CompletedTask, NullLoggerFactory.Instance));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_without_full_control_is_refused_with_a_clear_log_line_and_never_reaches_the_flow()
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(logs)));
        bool handled = false;
        await using var server = new OutboundServer(new OutboundServerOptions { Port = 0 }, (_, _) => { handled = true; return Task.CompletedTask; }, loggers);
        await server.StartAsync();

        await using ScriptedSwitch fake = await DialInAsync(server);
        Assert.Equal("connect", (await fake.ReadCommandAsync(Timeout)).Line);
        await fake.SendAsync(ConnectReplyHead + "Control: single-channel\n\n");
        // The subscriptions came in the same write; without full control the switch refuses each of them.
        foreach (string verb in new[] { "myevents", "filter", "filter", "filter", "filter", "linger" })
        {
            Assert.StartsWith(verb, (await fake.ReadCommandAsync(Timeout)).Line, StringComparison.Ordinal);
            await fake.SendAsync("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
        }

        // The controller hangs up the socket so the dialplan can go on to its fallback.
        await fake.WaitForCloseAsync(Timeout);
        Assert.False(handled);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("async full", StringComparison.Ordinal) && r.Message.Contains("single-channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queued_applications_go_ahead_of_the_next_one_unanswered_and_a_refusal_among_them_fails_it()
    {
        var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OutboundServer(new OutboundServerOptions { Port = 0 }, async (session, ct) =>
        {
            session.SetVariablesWithNext([new("hangup_after_bridge", "true"), new("continue_on_fail", "true")]);
            session.ExecuteWithNext("answer");
            try
            {
                using ApplicationResult _ = await session.ExecuteAsync("playback", "hello.wav", ct);
                outcome.TrySetResult(null);
            }
            catch (Exception e)
            {
                outcome.TrySetResult(e);
            }
        }, NullLoggerFactory.Instance);
        await server.StartAsync();

        await using ScriptedSwitch fake = await DialInAsync(server);
        await HandOverAsync(fake);

        // All three arrive, in order, before the switch has answered the first.
        WireCommand[] sent = [await fake.ReadCommandAsync(Timeout), await fake.ReadCommandAsync(Timeout), await fake.ReadCommandAsync(Timeout)];
        Assert.All(sent, command => Assert.True(command.IsExecute));
        Assert.Equal(
            ["multiset hangup_after_bridge=true continue_on_fail=true", "answer ", "playback hello.wav"],
            sent.Select(command => $"{command.Header("execute-app-name")} {command.Header("execute-app-arg")}"));
        // The queued two carry the event UUID whose completions the session's filter keeps on the switch; the awaited one its own.
        Assert.Equal(["ivr-unawaited", "ivr-unawaited"], sent.Take(2).Select(command => command.Header("Event-UUID")));
        Assert.True(Guid.TryParse(sent[2].Header("Event-UUID"), out _));
        await fake.ReplyAsync("+OK");
        await fake.ReplyAsync("-ERR no such application");
        await fake.ReplyAsync("+OK");

        var refused = Assert.IsType<EslCommandException>(await outcome.Task.WaitAsync(Timeout));
        Assert.Contains("answer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_outside_the_allow_list_is_closed_without_a_word()
    {
        var options = new OutboundServerOptions { Port = 0 };
        options.AllowedPeers.Add("192.0.2.10");
        bool handled = false;
        await using var server = new OutboundServer(options, (_, _) => { handled = true; return Task.CompletedTask; }, NullLoggerFactory.Instance);
        await server.StartAsync();

        await using ScriptedSwitch fake = await DialInAsync(server);
        await fake.WaitForCloseAsync(Timeout);
        Assert.False(handled);
    }

    [Fact]
    public async Task A_peer_inside_an_allowed_network_is_served()
    {
        var options = new OutboundServerOptions { Port = 0 };
        options.AllowedPeers.Add("127.0.0.0/8");
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OutboundServer(options, (session, _) => { handled.TrySetResult(session.UniqueId); return Task.CompletedTask; }, NullLoggerFactory.Instance);
        await server.StartAsync();

        await using ScriptedSwitch fake = await DialInAsync(server);
        await HandOverAsync(fake);
        Assert.Equal("90627f73-842c-44c0-982d-e6dd07d7c7b1", await handled.Task.WaitAsync(Timeout));
        Assert.Equal("exit", (await fake.ReadCommandAsync(Timeout)).Line);
    }

    [Fact]
    public async Task Shutdown_waits_for_a_live_call_to_finish()
    {
        var finishCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OutboundServer(new OutboundServerOptions { Port = 0, DrainTimeout = TimeSpan.FromSeconds(30) },
            async (_, _) => { inCall.TrySetResult(); await finishCall.Task; }, NullLoggerFactory.Instance);
        await server.StartAsync();
        await using ScriptedSwitch fake = await DialInAsync(server);
        await HandOverAsync(fake);
        await inCall.Task.WaitAsync(Timeout);

        Task stopping = server.StopAsync();
        Assert.False(stopping.IsCompleted);
        Assert.Equal(1, server.ActiveSessions);

        finishCall.SetResult();
        Assert.Equal("exit", (await fake.ReadCommandAsync(Timeout)).Line);
        await fake.ReplyAsync("+OK bye");
        await stopping.WaitAsync(Timeout);
        Assert.Equal(0, server.ActiveSessions);
    }

    [Fact]
    public async Task Shutdown_cancels_calls_still_live_after_the_drain_timeout()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OutboundServer(new OutboundServerOptions { Port = 0, DrainTimeout = TimeSpan.FromMilliseconds(50) },
            async (_, ct) =>
            {
                inCall.TrySetResult();
                try
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, ct);
                }
                finally
                {
                    cancelled.TrySetResult();
                }
            },
            NullLoggerFactory.Instance);
        await server.StartAsync();
        await using ScriptedSwitch fake = await DialInAsync(server);
        await HandOverAsync(fake);
        await inCall.Task.WaitAsync(Timeout);

        await server.StopAsync().WaitAsync(Timeout);
        Assert.True(cancelled.Task.IsCompleted);
        Assert.Equal(0, server.ActiveSessions);
    }

    [Fact]
    public async Task Unset_hangup_during_a_running_application_and_hangup_complete_failing_what_is_pending()
    {
        var outcome = new TaskCompletionSource<(string? Unset, string? PlaybackError, string? Cause)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OutboundServer(new OutboundServerOptions { Port = 0 }, async (session, ct) =>
        {
            ApplicationResult unset = await session.UnsetVariableAsync("ivr_survey", ct);
            Task<ApplicationResult> playback = session.ExecuteAsync("playback", "/sounds/en/ivr_welcome.wav", ct);
            await session.HangupAsync(HangupCauses.UserBusy, ct);
            var error = await Assert.ThrowsAsync<EslChannelHangupException>(() => playback);
            outcome.TrySetResult((unset.Application, error.Message, session.HangupCause));
        }, NullLoggerFactory.Instance);
        await server.StartAsync();
        await using ScriptedSwitch fake = await DialInAsync(server);
        await HandOverAsync(fake);

        WireCommand unset = await fake.ReadCommandAsync(Timeout);
        Assert.Equal(("execute", "unset", "ivr_survey", "true"), (unset.Header("call-command"), unset.Header("execute-app-name"), unset.Header("execute-app-arg"), unset.Header("event-lock")));
        await fake.ReplyAsync("+OK");
        await fake.SendAsync(ScriptedSwitch.PlainEvent("CHANNEL_EXECUTE_COMPLETE", ("Application", "unset"), ("Application-UUID", unset.Header("Event-UUID")!)));

        WireCommand playback = await fake.ReadCommandAsync(Timeout);
        Assert.Equal("playback", playback.Header("execute-app-name"));
        await fake.ReplyAsync("+OK");

        // hangup is a call-command, not a queued application: it acts while playback runs.
        WireCommand hangup = await fake.ReadCommandAsync(Timeout);
        Assert.Equal(("hangup", "USER_BUSY", null), (hangup.Header("call-command"), hangup.Header("hangup-cause"), hangup.Header("event-lock")));
        await fake.ReplyAsync("+OK");
        await fake.SendAsync(ScriptedSwitch.PlainEvent("CHANNEL_HANGUP", ("Hangup-Cause", "USER_BUSY")));
        await fake.SendAsync(ScriptedSwitch.PlainEvent("CHANNEL_HANGUP_COMPLETE", ("Hangup-Cause", "USER_BUSY")));

        var result = await outcome.Task.WaitAsync(Timeout);
        Assert.Equal("unset", result.Unset);
        Assert.Contains("hung up (USER_BUSY) before 'playback' completed", result.PlaybackError, StringComparison.Ordinal);
        Assert.Equal(HangupCauses.UserBusy, result.Cause);
        Assert.Equal("exit", (await fake.ReadCommandAsync(Timeout)).Line);
    }
}
