using System.Threading.Channels;
using IvrController.Esl.Inbound;
using IvrController.Presence;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Presence;

/// <summary>The tracker through a real InboundClient against a scripted switch on a loopback port.</summary>
public sealed class PresenceTrackerTests : IAsyncDisposable
{

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeSwitch _switch = new();
    private readonly FakeTimeProvider _time = new(PresenceFixtures.SwitchNow);
    private readonly Channel<PresenceChange> _changes = Channel.CreateUnbounded<PresenceChange>();
    private readonly Channel<PresenceReconciliation> _rebuilds = Channel.CreateUnbounded<PresenceReconciliation>();
    private readonly Channel<string> _logLines = Channel.CreateUnbounded<string>();
    private readonly FakeLogCollector _logs;
    private readonly InboundClient _client;
    private readonly PresenceTracker _tracker;
    private Task _clientRun = Task.CompletedTask;
    private Task _trackerRun = Task.CompletedTask;

    public PresenceTrackerTests()
    {
        _client = new InboundClient(
            new InboundClientOptions
            {
                Port = _switch.Port,
                Password = "presence-test-secret",
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            },
            NullLogger<InboundClient>.Instance);
        _logs = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = line => _logLines.Writer.TryWrite(line) });
        _tracker = new PresenceTracker(_client, new PresenceOptions { ExpiryGrace = TimeSpan.Zero, ReconcileRetryDelay = TimeSpan.FromSeconds(5) }, new FakeLogger<PresenceTracker>(_logs), _time);
        _tracker.Changed += (_, change) => _changes.Writer.TryWrite(change);
        _tracker.Reconciled += (_, result) => _rebuilds.Writer.TryWrite(result);
    }

    private CancellationToken Timeout => _timeout.Token;

    private void Start()
    {
        // The tracker first, so that its subscription goes out with the client's first connect.
        _trackerRun = _tracker.RunAsync(_stop.Token);
        _clientRun = _client.RunAsync(_stop.Token);
    }

    /// <summary>Accepts a connection and plays the switch up to the rebuild's two questions.</summary>
    /// <param name="legs">The agent legs <paramref name="channels"/> lists, and whether the switch still has each.</param>
    private async Task<FakeSwitchConnection> ConnectAsync(string registrations, string channels, params (string Uuid, bool Exists)[] legs)
    {
        FakeSwitchConnection connection = await _switch.AcceptAsync(Timeout);
        await connection.ExpectAsync("auth presence-test-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
        // Once from the client's own re-subscription, once from the tracker's.
        await PresenceSubscription.ResentByTheClientAsync(connection, Timeout);
        await PresenceSubscription.AskedByTheTrackerAsync(connection, Timeout);
        await connection.ExpectAsync("api show registrations as json", FakeSwitchConnection.ApiResponse(registrations), Timeout);
        await connection.ExpectAsync("api show channels as json", FakeSwitchConnection.ApiResponse(channels), Timeout);
        foreach ((string uuid, bool exists) in legs)
        {
            await connection.ExpectAsync($"api uuid_exists {uuid}", FakeSwitchConnection.ApiResponse(exists ? "true" : "false"), Timeout);
        }

        return connection;
    }

    private async Task<PresenceChange> NextChangeAsync() => await _changes.Reader.ReadAsync(Timeout);

    private async Task WaitForLogAsync(string fragment)
    {
        while (!(await _logLines.Reader.ReadAsync(Timeout)).Contains(fragment, StringComparison.Ordinal))
        {
        }
    }

    [Fact]
    public async Task Presence_follows_the_switch_and_is_rebuilt_after_a_reconnect()
    {
        Start();
        FakeSwitchConnection first = await ConnectAsync(PresenceFixtures.Text("show-registrations.json"), PresenceFixtures.Text("show-empty.json"));
        Assert.Equal(new PresenceReconciliation(2, 0, 0, 0), await _rebuilds.Reader.ReadAsync(Timeout));
        Assert.True(_tracker.IsAvailable("1001"));
        Assert.True(_tracker.IsAvailable("1002"));

        // Agent 1001 starts a call and 1002's phone unregisters.
        await first.SendAsync(PresenceFixtures.Frame(PresenceFixtures.Text("agent-call-channel-create.event")));
        await first.SendAsync(PresenceFixtures.Frame(PresenceFixtures.WithHeader(PresenceFixtures.Text("sofia-unregister.event"), "from-user", "1002")));
        Assert.Equal(PresenceChangeKind.LegStarted, (await NextChangeAsync()).Kind);
        Assert.Equal(new PresenceChange(PresenceChangeKind.Unregistered, "1002", null, true), await NextChangeAsync());
        Assert.True(_tracker.IsOnCall("1001"));
        Assert.False(_tracker.IsAvailable("1001"));
        Assert.False(_tracker.IsRegistered("1002"));

        // The connection drops; meanwhile 1001 hangs up (that event is lost), 1002 registers again
        // and a customer's callback is ringing it.
        await first.DisposeAsync();
        const string channelsAfterTheGap =
            """{"row_count":1,"rows":[{"uuid":"2aa6d3dc-9075-4335-adaf-607e92a6072c","direction":"outbound","created_epoch":"1795476459","name":"sofia/agents/1002@127.0.0.1:5072","cid_num":"138****8000","dest":"1002","presence_id":"1002@127.0.0.1","callstate":"RINGING"}]}""";
        await using FakeSwitchConnection second = await ConnectAsync(
            PresenceFixtures.Text("show-registrations.json"), channelsAfterTheGap, ("2aa6d3dc-9075-4335-adaf-607e92a6072c", true));

        Assert.Equal(new PresenceReconciliation(2, 1, 1, 0), await _rebuilds.Reader.ReadAsync(Timeout));
        Assert.False(_tracker.IsOnCall("1001"));
        Assert.True(_tracker.IsAvailable("1001"));
        Assert.True(_tracker.IsRegistered("1002"));
        Assert.True(_tracker.IsOnCall("1002"));
        Assert.Equal(new Rules.Agents.AgentOnSwitch(true, true), _tracker.OnSwitch("1002"));
        Assert.True(_tracker.Snapshot().IsSynchronized);

        // Events on the new connection land on top of the rebuilt state.
        await second.SendAsync(PresenceFixtures.Frame("Event-Name: CHANNEL_HANGUP_COMPLETE\nUnique-ID: 2aa6d3dc-9075-4335-adaf-607e92a6072c\nCall-Direction: outbound\n\n"));
        Assert.Equal(new PresenceChange(PresenceChangeKind.LegEnded, "1002", "2aa6d3dc-9075-4335-adaf-607e92a6072c", true), await NextChangeAsync());
        Assert.True(_tracker.IsAvailable("1002"));

        await _stop.CancelAsync();
        await _trackerRun.WaitAsync(Timeout);
        Assert.False(_tracker.Snapshot().IsSynchronized);
        IReadOnlyList<FakeLogRecord> logs = _logs.GetSnapshot();
        Assert.Contains(logs, r => r.Message == "Presence tracking stopped: the host is stopping");
        Assert.Contains(logs, r => r.Message.StartsWith("Presence rebuilt from the switch: 2 agents registered, 1 on a call", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Message.Contains("138", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leg_the_switch_still_lists_after_it_hung_up_does_not_keep_its_agent_on_a_call()
    {
        // show channels reads a table the switch updates a moment after a hangup: seen on the real
        // switch when the controller restarted just after a call ended (the agent stayed "on a call").
        Start();
        const string justHungUp =
            """{"row_count":1,"rows":[{"uuid":"19ec7899-ffae-4450-a3ea-0b166456d7f5","direction":"inbound","created_epoch":"1795476459","name":"sofia/agents/1001@127.0.0.1","cid_num":"1001","dest":"13800138000","presence_id":"1001@127.0.0.1","callstate":"ACTIVE"}]}""";
        await using FakeSwitchConnection connection = await ConnectAsync(
            PresenceFixtures.Text("show-registrations.json"), justHungUp, ("19ec7899-ffae-4450-a3ea-0b166456d7f5", false));

        Assert.Equal(new PresenceReconciliation(2, 1, 1, 0), await _rebuilds.Reader.ReadAsync(Timeout));
        Assert.False(_tracker.IsOnCall("1001"));
        Assert.True(_tracker.IsAvailable("1001"));
    }

    [Fact]
    public async Task Events_received_before_a_drop_are_applied_under_the_rebuild_never_on_top_of_it()
    {
        // Holding the tracker in its first Changed handler lets events pile up in the client's queue.
        using var gate = new ManualResetEventSlim();
        int held = 0;
        _tracker.Changed += (_, _) =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                gate.Wait(Timeout);
            }
        };
        Start();
        FakeSwitchConnection first = await ConnectAsync(PresenceFixtures.Text("show-empty.json"), PresenceFixtures.Text("show-empty.json"));
        await _rebuilds.Reader.ReadAsync(Timeout);

        // 1001's call starts (the tracker takes it and is held), then a callback starts ringing
        // 1002; that leg ends while the connection is down, and its hangup is never seen.
        await first.SendAsync(PresenceFixtures.Frame(PresenceFixtures.Text("agent-call-channel-create.event")));
        Assert.Equal(PresenceChangeKind.LegStarted, (await NextChangeAsync()).Kind);
        string ringing1002 = PresenceFixtures.WithHeader(PresenceFixtures.Text("callback-agent-leg-create.event"), "variable_presence_id", "1002%40127.0.0.1");
        await first.SendAsync(PresenceFixtures.Frame(ringing1002));
        await first.DisposeAsync();

        FakeSwitchConnection second = await _switch.AcceptAsync(Timeout);
        await using (second)
        {
            await second.ExpectAsync("auth presence-test-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
            await PresenceSubscription.ResentByTheClientAsync(second, Timeout);
            gate.Set();
            await PresenceSubscription.AskedByTheTrackerAsync(second, Timeout);
            await second.ExpectAsync("api show registrations as json", FakeSwitchConnection.ApiResponse(PresenceFixtures.Text("show-empty.json")), Timeout);
            await second.ExpectAsync("api show channels as json", FakeSwitchConnection.ApiResponse(PresenceFixtures.Text("show-empty.json")), Timeout);
            Assert.Equal(new PresenceReconciliation(0, 0, 0, 0), await _rebuilds.Reader.ReadAsync(Timeout));

            // Once an event of the new connection is through, everything queued before it is too.
            await second.SendAsync(PresenceFixtures.Frame(PresenceFixtures.Text("sofia-register.event")));
            while ((await NextChangeAsync()).Kind != PresenceChangeKind.Registered)
            {
            }

            Assert.False(_tracker.IsOnCall("1002"));
            Assert.False(_tracker.IsOnCall("1001"));
            Assert.True(_tracker.IsAvailable("1001"));
        }
    }

    [Fact]
    public async Task A_rebuild_the_switch_refuses_is_asked_for_again_after_the_retry_delay()
    {
        Start();
        await using FakeSwitchConnection connection = await ConnectAsync("-ERR no registrations table\n", PresenceFixtures.Text("show-empty.json"));
        await WaitForLogAsync("Could not rebuild presence from the switch");
        Assert.False(_tracker.Snapshot().IsSynchronized);

        _time.Advance(TimeSpan.FromSeconds(5));

        await PresenceSubscription.AskedByTheTrackerAsync(connection, Timeout);
        await connection.ExpectAsync("api show registrations as json", FakeSwitchConnection.ApiResponse(PresenceFixtures.Text("show-registrations.json")), Timeout);
        await connection.ExpectAsync("api show channels as json", FakeSwitchConnection.ApiResponse(PresenceFixtures.Text("show-channels.json")), Timeout);
        // Both agent legs listed are still there.
        for (int i = 0; i < 2; i++)
        {
            Assert.StartsWith("api uuid_exists ", await connection.ReadCommandAsync(Timeout), StringComparison.Ordinal);
            await connection.SendAsync(FakeSwitchConnection.ApiResponse("true"));
        }

        Assert.Equal(new PresenceReconciliation(2, 2, 2, 3), await _rebuilds.Reader.ReadAsync(Timeout));
        Assert.True(_tracker.Snapshot().IsSynchronized);
    }

    [Fact]
    public async Task A_registration_event_that_names_no_user_is_ignored_and_tracking_goes_on()
    {
        Start();
        await using FakeSwitchConnection connection = await ConnectAsync(PresenceFixtures.Text("show-empty.json"), PresenceFixtures.Text("show-empty.json"));
        await _rebuilds.Reader.ReadAsync(Timeout);

        // A CUSTOM event whose subclass presence follows but which names no user, then a good one.
        await connection.SendAsync(PresenceFixtures.Frame("Event-Name: CUSTOM\nEvent-Subclass: sofia%3A%3Aregister\nprofile-name: agents\n\n"));
        await connection.SendAsync(PresenceFixtures.Frame(PresenceFixtures.Text("sofia-register.event")));

        Assert.Equal(new PresenceChange(PresenceChangeKind.Registered, "1001", null, true), await NextChangeAsync());
        Assert.True(_tracker.IsAvailable("1001"));
    }

    [Fact]
    public async Task When_the_client_goes_away_tracking_stops_and_says_why()
    {
        Start();
        await using FakeSwitchConnection connection = await ConnectAsync(PresenceFixtures.Text("show-empty.json"), PresenceFixtures.Text("show-empty.json"));
        await _rebuilds.Reader.ReadAsync(Timeout);

        await _client.DisposeAsync();

        await _trackerRun.WaitAsync(Timeout);
        Assert.Contains(_logs.GetSnapshot(), r => r.Message == "Presence tracking stopped: the inbound client's event stream ended");
    }

    [Fact]
    public async Task Running_twice_is_refused()
    {
        _trackerRun = _tracker.RunAsync(_stop.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _tracker.RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clientRun, _trackerRun).WaitAsync(TimeSpan.FromSeconds(30));
        await _client.DisposeAsync();
        _switch.Dispose();
        _stop.Dispose();
        _timeout.Dispose();
    }
}
