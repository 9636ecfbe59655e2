using IvrController.Flows;
using IvrController.Rules.Callback;

namespace IvrController.Hosting;

/// <summary>
/// Presence when the controller has no view of the switch's registrations: every agent is rung and
/// the bridge result decides (USER_NOT_REGISTERED, NO_ANSWER), as DESIGN 2.3 allows.
/// </summary>
public sealed class UnknownPresence : IAgentPresence
{
    public AgentAvailability? Availability(string agentId) => null;
}
