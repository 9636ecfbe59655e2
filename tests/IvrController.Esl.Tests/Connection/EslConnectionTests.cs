using IvrController.Esl.Connection;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Esl.Tests.Connection;

public sealed class EslConnectionTests
{
    [Fact]
    public async Task Replies_of_both_kinds_share_one_queue_in_wire_order()
    {
        await using var fake = new InMemorySwitch();
        Task<EslFrame> api = fake.Connection.SendAsync(EslCommand.Api("status"));
        Task<EslFrame> denied = fake.Connection.SendAsync(EslCommand.Api("originate forbidden"));
        Task<CommandReply> events = fake.Connection.SendCommandAsync(EslCommand.Events(EslEventFormat.Plain, ["ALL"]));
        Assert.Equal("api status", (await fake.ReadCommandAsync())!.Line);
        Assert.Equal("api originate forbidden", (await fake.ReadCommandAsync())!.Line);
        Assert.Equal("event plain ALL", (await fake.ReadCommandAsync())!.Line);

        // A refused api is answered with command/reply: it must still go to the api that asked.
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 3\n\nUP\nContent-Type: command/reply\nReply-Text: -ERR permission denied\n\nContent-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n");

        using (EslFrame statusFrame = await api)
        {
            Assert.Equal("UP\n", ApiResponse.FromFrame(statusFrame).Body);
        }

        using (EslFrame deniedFrame = await denied)
        {
            ApiResponse refused = ApiResponse.FromFrame(deniedFrame);
            Assert.False(refused.IsOk);
            Assert.Equal("permission denied", refused.ErrorMessage);
        }

        Assert.Equal("event listener enabled plain", (await events).Message);
    }

    [Fact]
    public async Task An_err_reply_is_a_command_exception_naming_the_command_not_its_arguments()
    {
        await using var fake = new InMemorySwitch();
        Task<CommandReply> sending = fake.Connection.SendCommandAsync(EslCommand.Execute("bridge", "sofia/gateway/pstn/13800138000", "u-1"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: command/reply\nReply-Text: -ERR invalid session id [u]\n\n");
        var error = await Assert.ThrowsAsync<EslCommandException>(() => sending);
        Assert.Equal("The switch refused 'sendmsg bridge': -ERR invalid session id [u]", error.Message);
        Assert.DoesNotContain("13800138000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_command_keeps_its_place_so_later_replies_reach_the_right_callers()
    {
        var time = new FakeTimeProvider();
        await using var fake = new InMemorySwitch(time, new EslConnectionOptions { CommandTimeout = TimeSpan.FromSeconds(5) });
        Task<EslFrame> slow = fake.Connection.SendAsync(EslCommand.Api("slow"));
        await fake.ReadCommandAsync();
        time.Advance(TimeSpan.FromSeconds(6));
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => slow);
        Assert.Contains("'api' within 5 s", timeout.Message, StringComparison.Ordinal);

        Task<EslFrame> next = fake.Connection.SendAsync(EslCommand.Api("fast"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 4\n\nlateContent-Type: api/response\nContent-Length: 4\n\nmine");
        using EslFrame reply = await next;
        Assert.Equal("mine", reply.BodyText);
        Assert.True(fake.Connection.IsOpen);
    }

    [Fact]
    public async Task A_cancelled_command_keeps_its_place_too()
    {
        await using var fake = new InMemorySwitch();
        using var cancel = new CancellationTokenSource();
        Task<EslFrame> abandoned = fake.Connection.SendAsync(EslCommand.Api("one"), cancellationToken: cancel.Token);
        await fake.ReadCommandAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        Task<EslFrame> next = fake.Connection.SendAsync(EslCommand.Api("two"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 3\n\none" + "Content-Type: api/response\nContent-Length: 3\n\ntwo");
        using EslFrame reply = await next;
        Assert.Equal("two", reply.BodyText);
    }

    [Theory]
    [InlineData("Content-Type: api/response\nContent-Length: banana\n\n", "Content-Length is not a byte count")]
    [InlineData("Content-Type: api/response\nContent-Length: 999999999\n\n", "exceeds the limit")]
    [InlineData("complete garbage without a colon\n\n", "no ':'")]
    public async Task Garbage_from_the_switch_drops_the_connection_and_fails_waiters_with_the_reason(string garbage, string reason)
    {
        await using var fake = new InMemorySwitch();
        Task<EslFrame> waiting = fake.Connection.SendAsync(EslCommand.Api("status"));
        await fake.ReadCommandAsync();
        await fake.SendAsync(garbage);

        var error = await Assert.ThrowsAsync<EslConnectionException>(() => waiting);
        Assert.Contains("invalid frame", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        EslConnectionException closed = await fake.Connection.Closed;
        Assert.Contains(reason, closed.Reason, StringComparison.Ordinal);
        Assert.False(fake.Connection.IsOpen);
    }

    [Fact]
    public async Task Every_waiter_fails_when_the_switch_closes_and_later_commands_fail_at_once()
    {
        await using var fake = new InMemorySwitch();
        Task<EslFrame>[] waiting = [.. Enumerable.Range(0, 5).Select(i => fake.Connection.SendAsync(EslCommand.Api($"cmd{i}")))];
        await fake.SendAsync("Content-Type: text/disconnect-notice\nContent-Length: 22\n\nDisconnected, goodbye.");
        await fake.CloseAsync();

        foreach (Task<EslFrame> task in waiting)
        {
            var error = await Assert.ThrowsAsync<EslConnectionException>(() => task);
            Assert.Contains("the switch closed the connection after 'text/disconnect-notice'", error.Message, StringComparison.Ordinal);
        }

        var late = await Assert.ThrowsAsync<EslConnectionException>(() => fake.Connection.SendAsync(EslCommand.Api("late")));
        Assert.Contains("'api' got no reply", late.Message, StringComparison.Ordinal);
        Assert.Equal([ContentTypes.DisconnectNotice], fake.Notices);
    }

    [Fact]
    public async Task A_malformed_event_is_dropped_and_counted_and_the_connection_goes_on()
    {
        await using var fake = new InMemorySwitch();
        await fake.SendAsync("Content-Length: 9\nContent-Type: text/event-json\n\n{\"broken\"");
        await fake.SendAsync("Content-Length: 21\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT");
        Task<EslFrame> api = fake.Connection.SendAsync(EslCommand.Api("status"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 2\n\nok");
        using EslFrame reply = await api;

        Assert.Equal(1, fake.Connection.MalformedEvents);
        Assert.Equal([EventNames.Heartbeat], fake.Events.Select(e => e.EventName));
    }

    [Fact]
    public async Task Unknown_content_types_are_ignored()
    {
        await using var fake = new InMemorySwitch();
        await fake.SendAsync("Content-Type: text/from-the-future\nContent-Length: 5\n\nhello");
        await fake.SendAsync("Content-Length: 3\n\nabc");
        Task<EslFrame> api = fake.Connection.SendAsync(EslCommand.Api("status"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 2\n\nok");
        using EslFrame reply = await api;
        Assert.Equal("ok", reply.BodyText);
        Assert.Empty(fake.Notices);
        Assert.True(fake.Connection.IsOpen);
    }

    [Fact]
    public async Task A_reply_nobody_asked_for_is_ignored()
    {
        var strayLogged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logs = new FakeLogCollector(Options.Create(new FakeLogCollectorOptions
        {
            OutputSink = line => { if (line.Contains("no command waiting", StringComparison.Ordinal)) { strayLogged.TrySetResult(); } },
        }));
        await using var fake = new InMemorySwitch(logger: new FakeLogger(logs));
        await fake.SendAsync("Content-Type: command/reply\nReply-Text: +OK stray\n\n");
        await strayLogged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Task<EslFrame> api = fake.Connection.SendAsync(EslCommand.Api("status"));
        await fake.ReadCommandAsync();
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 2\n\nok");
        using EslFrame reply = await api;
        Assert.Equal("ok", reply.BodyText);
    }

    [Fact]
    public async Task A_command_with_a_line_break_never_reaches_the_wire()
    {
        await using var fake = new InMemorySwitch();
        Assert.Throws<ArgumentException>(() => EslCommand.Api("status\n\nbgapi hupall"));
        Task<EslFrame> api = fake.Connection.SendAsync(EslCommand.Api("status"));
        Assert.Equal("api status", (await fake.ReadCommandAsync())!.Line);
        await fake.SendAsync("Content-Type: api/response\nContent-Length: 2\n\nok");
        (await api).Dispose();
    }
}
