using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Presence;
using IvrController.Switches;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace IvrController.Tests.Hosting;

/// <summary>The switches a controller serves: Esl:* alone as before, or a Switches list checked entry by entry.</summary>
public sealed class SwitchSettingsTests
{
    private const string Database = "--Database:ConnectionString=Host=127.0.0.1;Port=1";

    [Fact]
    public void Esl_settings_alone_are_one_switch_named_default_with_no_peer_route()
    {
        using IHost host = ControllerHost.Build([Database, "--Esl:Host=10.0.0.5", "--Esl:Port=8023", "--Esl:Password=a-long-secret"]);

        SwitchFleet fleet = host.Services.GetRequiredService<SwitchFleet>();
        FleetSwitch only = Assert.Single(fleet.Switches);
        Assert.Equal(("default", null), (only.Name, only.PeerAddress));
        Assert.Same(only.Client, host.Services.GetRequiredService<InboundClient>());
        Assert.Same(only.Presence, host.Services.GetRequiredService<PresenceTracker>());
        Assert.Same(fleet, host.Services.GetRequiredService<IAgentPresence>());
        // The call log names that switch: every call is on it, whatever core UUID its channel data carries.
        ISwitchNames? names = host.Services.GetRequiredService<CallFlowContext>().Switches;
        Assert.Same(fleet, names);
        Assert.Equal("default", names!.NameOf(Guid.NewGuid().ToString()));
        Assert.Equal(("10.0.0.5", 8023), (host.Services.GetRequiredService<ControllerSettings>().SwitchList()[0].Host, host.Services.GetRequiredService<ControllerSettings>().SwitchList()[0].Port));
    }

    [Fact]
    public void A_list_of_switches_gives_each_its_own_event_socket_and_presence_and_the_flows_a_locator()
    {
        using IHost host = ControllerHost.Build(
        [
            Database, "--Esl:Password=a-long-secret", "--Esl:CommandTimeout=00:00:07",
            "--Switches:0:Name=sw1", "--Switches:0:Port=8021", "--Switches:0:PeerAddress=127.0.0.1:5070",
            "--Switches:1:Name=sw2", "--Switches:1:Port=8022", "--Switches:1:PeerAddress=127.0.0.1:5170", "--Switches:1:Password=another-long-secret",
        ]);

        SwitchFleet fleet = host.Services.GetRequiredService<SwitchFleet>();
        Assert.Equal(["sw1", "sw2"], fleet.Switches.Select(s => s.Name));
        Assert.Equal(["127.0.0.1:5070", "127.0.0.1:5170"], fleet.Switches.Select(s => s.PeerAddress));
        Assert.NotSame(fleet.Switches[0].Client, fleet.Switches[1].Client);
        Assert.NotSame(fleet.Switches[0].Presence, fleet.Switches[1].Presence);
        Assert.Same(fleet, host.Services.GetRequiredService<CallFlowContext>().Locator);
        Assert.Same(fleet, host.Services.GetRequiredService<CallFlowContext>().Switches);

        ControllerSettings settings = host.Services.GetRequiredService<ControllerSettings>();
        InboundClientOptions sw1 = settings.SwitchList()[0].EventSocket(settings.Esl);
        InboundClientOptions sw2 = settings.SwitchList()[1].EventSocket(settings.Esl);
        // A switch without a password of its own uses Esl:Password; every switch shares the Esl:* timeouts.
        Assert.Equal(("a-long-secret", 8021, TimeSpan.FromSeconds(7)), (sw1.Password, sw1.Port, sw1.CommandTimeout));
        Assert.Equal(("another-long-secret", 8022, TimeSpan.FromSeconds(7)), (sw2.Password, sw2.Port, sw2.CommandTimeout));
    }

    [Fact]
    public void Every_problem_of_the_list_names_its_entry()
    {
        var settings = new ControllerSettings
        {
            Database = { ConnectionString = "Host=127.0.0.1" },
            Switches =
            [
                new SwitchSettings { Name = "sw1", Password = "a-long-secret", PeerAddress = "127.0.0.1:5070" },
                new SwitchSettings { Name = "SW1", Password = "a-long-secret", PeerAddress = "127.0.0.1" },
                new SwitchSettings { Name = "sw 3", Port = 0, PeerAddress = "127.0.0.1:5270,evil" },
            ],
        };

        IReadOnlyList<string> problems = settings.Validate();

        Assert.Equal(
            [
                "Switches:1 (SW1): Name is given to another switch too.",
                "Switches:1 (SW1): PeerAddress must be host:port of the switch's peers profile (e.g. 10.0.0.5:5070), where the other switches ring its agents.",
                "Switches:2 (sw 3): Name must be letters, digits, '.', '_' or '-' (e.g. sw1).",
                "Switches:2 (sw 3): Esl:Port 0 is not a TCP port.",
                "Switches:2 (sw 3): Esl:Password is empty: set the event socket password of event_socket.conf.xml.",
                "Switches:2 (sw 3): PeerAddress must be host:port of the switch's peers profile (e.g. 10.0.0.5:5070), where the other switches ring its agents.",
            ],
            problems);
    }

    [Fact]
    public void One_switch_in_a_list_needs_no_peer_address()
    {
        var settings = new ControllerSettings
        {
            Database = { ConnectionString = "Host=127.0.0.1" },
            Switches = [new SwitchSettings { Name = "only", Password = "a-long-secret" }],
        };

        Assert.Empty(settings.Validate());
    }
}
