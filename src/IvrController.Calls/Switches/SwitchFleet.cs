using IvrController.Flows;
using IvrController.Rules.Agents;

namespace IvrController.Switches;

/// <summary>
/// The switches one controller serves, in settings order, and what their presence says together: whether an
/// agent is registered (on any of them) and on a call (on any), and on which switch to ring them. A switch whose
/// event socket is down is out of sync, and its agents count as not registered until it is back; with every
/// switch out of sync nobody knows (null), and an agent is then rung where the call is (DESIGN 2.3).
/// </summary>
public sealed class SwitchFleet : IAgentPresence, IAgentLocator, ISwitchNames, IAsyncDisposable
{
    public SwitchFleet(IReadOnlyList<FleetSwitch> switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        if (switches.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one switch.", nameof(switches));
        }

        if (switches.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != switches.Count)
        {
            throw new ArgumentException("Switch names must be unique.", nameof(switches));
        }

        Switches = switches;
    }

    public IReadOnlyList<FleetSwitch> Switches { get; }

    /// <summary>Several switches: calls are told apart by their switch's core UUID, and agents may be rung across.</summary>
    public bool IsSeveral => Switches.Count > 1;

    public AgentOnSwitch? OnSwitch(string agentId)
    {
        bool known = false;
        bool registered = false;
        bool onCall = false;
        foreach (FleetSwitch fleetSwitch in Switches)
        {
            if (!fleetSwitch.IsSynchronized)
            {
                continue;
            }

            known = true;
            AgentOnSwitch there = fleetSwitch.Presence.OnSwitch(agentId);
            registered |= there.Registered;
            onCall |= there.OnCall;
        }

        return known ? new AgentOnSwitch(registered, onCall) : null;
    }

    /// <summary>The switches (in settings order) whose current presence has <paramref name="agentId"/> registered: where agent 1001 is.</summary>
    public IReadOnlyList<FleetSwitch> Where(string agentId) =>
        [.. Switches.Where(s => s.IsSynchronized && s.Presence.IsRegistered(agentId))];

    /// <summary>The switch a leg came from, by the core UUID in its channel data; the only one when there is one; null when unknown.</summary>
    public FleetSwitch? SwitchOfCall(string? callSwitchCore)
    {
        if (!IsSeveral)
        {
            return Switches[0];
        }

        return callSwitchCore is null
            ? null
            : Switches.FirstOrDefault(s => string.Equals(s.CoreUuid, callSwitchCore, StringComparison.OrdinalIgnoreCase));
    }

    public string? NameOf(string? callSwitchCore) => SwitchOfCall(callSwitchCore)?.Name;

    public AgentLocation? PeerSwitchOf(string agentId, string? callSwitchCore)
    {
        if (!IsSeveral || SwitchOfCall(callSwitchCore) is not { } callSwitch)
        {
            // An unknown origin (a call handed over before its switch's core UUID was read) rings where it is.
            return null;
        }

        IReadOnlyList<FleetSwitch> registeredOn = Where(agentId);
        if (registeredOn.Count == 0 || registeredOn.Contains(callSwitch))
        {
            return null;
        }

        return registeredOn.FirstOrDefault(s => s.PeerAddress is not null) is { } agentSwitch
            ? new AgentLocation(agentSwitch.Name, agentSwitch.PeerAddress!)
            : null;
    }

    /// <summary>Closes every switch's event socket connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (FleetSwitch fleetSwitch in Switches)
        {
            await fleetSwitch.Client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
