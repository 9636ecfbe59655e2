using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Agents;

namespace IvrController.Hosting;

/// <summary>
/// The flows' view of presence: what the tracker knows once it has reconciled with the switch;
/// unknown (null) before that, so an agent is then rung and the bridge result decides (DESIGN 2.3).
/// The admin's offline flag is applied by the rule, <see cref="AgentAvailability.Of"/>, not here.
/// </summary>
public sealed class SwitchPresence(PresenceTracker tracker) : IAgentPresence
{
    public AgentOnSwitch? OnSwitch(string agentId) =>
        tracker.Presence.IsSynchronized ? tracker.OnSwitch(agentId) : null;
}
