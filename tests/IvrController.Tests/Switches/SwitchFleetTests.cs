using System.Threading.Channels;
using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Agents;
using IvrController.Switches;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace IvrController.Tests.Switches;

/// <summary>
/// Several switches as one: where an agent is registered, whom a call came from (each switch's core UUID, read from it
/// on every connect over a real InboundClient against a scripted switch), and where to ring an agent for a call.
/// </summary>
public sealed class SwitchFleetTests : IAsyncDisposable
{
    private const string CoreOfSw1 = "a841b8bf-704e-4cb7-a734-4c509f23016b";
    private const string CoreOfSw2 = "924b0f83-2efe-437a-9df2-c99c944bcbff";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<string> _logLines = Channel.CreateUnbounded<string>();
    private readonly FakeLogCollector _logs;
    private readonly List<FakeSwitch> _switches = [];
    private readonly List<Task> _running = [];

    public SwitchFleetTests()
    {
        _logs = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = line => _logLines.Writer.TryWrite(line) });
    }

    private CancellationToken Timeout => _timeout.Token;

    [Fact]
    public async Task Each_switch_is_known_by_the_core_uuid_it_reports_on_every_connect()
    {
        (FleetSwitch sw1, _) = await ConnectedAsync("sw1", "127.0.0.1:5070", CoreOfSw1);
        (FleetSwitch sw2, FakeSwitchConnection sw2Connection) = await ConnectedAsync("sw2", "127.0.0.1:5170", CoreOfSw2);
        var fleet = new SwitchFleet([sw1, sw2]);
        Assert.Same(sw1, fleet.SwitchOfCall(CoreOfSw1));
        Assert.Same(sw2, fleet.SwitchOfCall(CoreOfSw2.ToUpperInvariant()));
        Assert.Null(fleet.SwitchOfCall(null));
        Assert.Null(fleet.SwitchOfCall(Guid.NewGuid().ToString()));
        // The names the call log keeps.
        Assert.Equal(["sw1", "sw2", null, null], new[] { CoreOfSw1, CoreOfSw2.ToUpperInvariant(), null, Guid.NewGuid().ToString() }.Select(fleet.NameOf));

        // sw2 restarts: a new core UUID, read again on the reconnect; calls of the old one are nobody's.
        await sw2Connection.DisposeAsync();
        string restarted = Guid.NewGuid().ToString();
        await using FakeSwitchConnection again = await AnswerAsync(_switches[1], restarted);
        await WaitForLogAsync($"Switch sw2 runs as core {restarted}");
        Assert.Same(sw2, fleet.SwitchOfCall(restarted));
        Assert.Null(fleet.SwitchOfCall(CoreOfSw2));
        Assert.Equal("sw2", fleet.NameOf(restarted));
        Assert.Null(fleet.NameOf(CoreOfSw2));
    }

    [Fact]
    public async Task An_agent_registered_on_another_switch_than_the_calls_is_rung_through_that_switchs_peer_address()
    {
        (FleetSwitch sw1, _) = await ConnectedAsync("sw1", "127.0.0.1:5070", CoreOfSw1);
        (FleetSwitch sw2, _) = await ConnectedAsync("sw2", "127.0.0.1:5170", CoreOfSw2);
        Registered(sw1, "1001");
        Registered(sw2, "1002");
        var fleet = new SwitchFleet([sw1, sw2]);

        Assert.Equal(new AgentLocation("sw1", "127.0.0.1:5070"), fleet.PeerSwitchOf("1001", CoreOfSw2));
        Assert.Equal(new AgentLocation("sw2", "127.0.0.1:5170"), fleet.PeerSwitchOf("1002", CoreOfSw1));
        // On the call's own switch, registered nowhere, or a call from a switch nobody knows: rung where the call is.
        Assert.Null(fleet.PeerSwitchOf("1001", CoreOfSw1));
        Assert.Null(fleet.PeerSwitchOf("1003", CoreOfSw2));
        Assert.Null(fleet.PeerSwitchOf("1001", Guid.NewGuid().ToString()));
        Assert.Equal("sofia/peers/1001@127.0.0.1:5070", AgentEndpoint.For("1001", fleet.PeerSwitchOf("1001", CoreOfSw2), new FlowOptions()));
        Assert.Equal("user/1001@127.0.0.1", AgentEndpoint.For("1001", fleet.PeerSwitchOf("1001", CoreOfSw1), new FlowOptions()));
    }

    [Fact]
    public async Task Where_names_every_switch_an_agent_is_registered_on_and_prefers_the_calls_own()
    {
        (FleetSwitch sw1, _) = await ConnectedAsync("sw1", "127.0.0.1:5070", CoreOfSw1);
        (FleetSwitch sw2, _) = await ConnectedAsync("sw2", "127.0.0.1:5170", CoreOfSw2);
        Registered(sw1, "1001");
        Registered(sw2, "1001", "1002");
        var fleet = new SwitchFleet([sw1, sw2]);

        Assert.Equal(["sw1", "sw2"], fleet.Where("1001").Select(s => s.Name));
        Assert.Equal(["sw2"], fleet.Where("1002").Select(s => s.Name));
        Assert.Empty(fleet.Where("1003"));
        // Registered on both: a call on either rings the phone there, without the hop.
        Assert.Null(fleet.PeerSwitchOf("1001", CoreOfSw1));
        Assert.Null(fleet.PeerSwitchOf("1001", CoreOfSw2));
    }

    [Fact]
    public async Task A_switch_out_of_sync_counts_its_agents_as_not_registered_and_with_none_in_sync_nobody_knows()
    {
        (FleetSwitch sw1, _) = await ConnectedAsync("sw1", "127.0.0.1:5070", CoreOfSw1);
        (FleetSwitch sw2, _) = await ConnectedAsync("sw2", "127.0.0.1:5170", CoreOfSw2);
        Registered(sw1);
        Registered(sw2, "1002");
        var fleet = new SwitchFleet([sw1, sw2]);
        Assert.Equal(new AgentOnSwitch(Registered: true, OnCall: false), fleet.OnSwitch("1002"));

        sw2.Presence.Presence.MarkOutOfSync();
        Assert.Equal(new AgentOnSwitch(Registered: false, OnCall: false), fleet.OnSwitch("1002"));
        Assert.Empty(fleet.Where("1002"));
        Assert.Null(fleet.PeerSwitchOf("1002", CoreOfSw1));

        sw1.Presence.Presence.MarkOutOfSync();
        Assert.Null(fleet.OnSwitch("1002"));
    }

    [Fact]
    public void With_one_switch_every_call_is_its_own_and_its_presence_is_the_answer()
    {
        FleetSwitch only = Switch("default", null, port: 1);
        var fleet = new SwitchFleet([only]);
        Assert.False(fleet.IsSeveral);
        Assert.Null(fleet.OnSwitch("1001"));

        Registered(only, "1001");
        only.Presence.Presence.LegSeen(new AgentLeg("c0ffee00-0000-0000-0000-000000000001", "1001", AgentLegDirection.FromAgent, true, DateTimeOffset.UtcNow));
        Assert.Equal(new AgentOnSwitch(Registered: true, OnCall: true), fleet.OnSwitch("1001"));
        Assert.Same(only, fleet.SwitchOfCall(null));
        Assert.Same(only, fleet.SwitchOfCall(CoreOfSw2));
        Assert.Equal(["default", "default"], new[] { null, CoreOfSw2 }.Select(fleet.NameOf));
        Assert.Null(fleet.PeerSwitchOf("1001", CoreOfSw2));
        Assert.Null(only.CoreUuid);
    }

    [Fact]
    public void Switch_names_must_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => new SwitchFleet([Switch("sw1", "127.0.0.1:5070", 1), Switch("SW1", "127.0.0.1:5170", 1)]));
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (Task running in _running)
        {
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        foreach (FakeSwitch fake in _switches)
        {
            fake.Dispose();
        }

        _stop.Dispose();
        _timeout.Dispose();
    }

    /// <summary>A switch of the fleet on a scripted event socket that answers <paramref name="coreUuid"/>; returns once it was read.</summary>
    private async Task<(FleetSwitch Switch, FakeSwitchConnection Connection)> ConnectedAsync(string name, string peerAddress, string coreUuid)
    {
        var fake = new FakeSwitch();
        _switches.Add(fake);
        FleetSwitch fleetSwitch = Switch(name, peerAddress, fake.Port);
        _running.Add(fleetSwitch.LearnCoreUuidAsync(_stop.Token));
        _running.Add(fleetSwitch.Client.RunAsync(_stop.Token));
        FakeSwitchConnection connection = await AnswerAsync(fake, coreUuid);
        await WaitForLogAsync($"Switch {name} runs as core {coreUuid}");
        Assert.Equal(coreUuid, fleetSwitch.CoreUuid);
        return (fleetSwitch, connection);
    }

    private async Task<FakeSwitchConnection> AnswerAsync(FakeSwitch fake, string coreUuid)
    {
        FakeSwitchConnection connection = await fake.AcceptAsync(Timeout);
        await connection.ExpectAsync("auth fleet-test-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
        await connection.ExpectAsync("api global_getvar core_uuid", FakeSwitchConnection.ApiResponse(coreUuid), Timeout);
        return connection;
    }

    private FleetSwitch Switch(string name, string? peerAddress, int port)
    {
        var client = new InboundClient(
            new InboundClientOptions
            {
                Port = port,
                Password = "fleet-test-secret",
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            },
            NullLogger<InboundClient>.Instance);
        var tracker = new PresenceTracker(client, new PresenceOptions(), NullLogger<PresenceTracker>.Instance);
        return new FleetSwitch(name, peerAddress, client, tracker, new FakeLogger<FleetSwitch>(_logs));
    }

    /// <summary>What a rebuild from that switch would leave: these agents registered, nobody on a call.</summary>
    private static void Registered(FleetSwitch fleetSwitch, params string[] agents) =>
        fleetSwitch.Presence.Presence.Replace(
            agents.Select(agent => new AgentRegistration(agent, $"call-id-{agent}", DateTimeOffset.UtcNow.AddHours(1))), []);

    private async Task WaitForLogAsync(string fragment)
    {
        while (!(await _logLines.Reader.ReadAsync(Timeout)).Contains(fragment, StringComparison.Ordinal))
        {
        }
    }
}
