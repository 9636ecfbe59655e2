using IvrController.Rules.Callback;

namespace IvrController.Flows;

/// <summary>What the switch says about an agent: registered, on a call. Null when presence knows nothing yet.</summary>
public interface IAgentPresence
{
    AgentAvailability? Availability(string agentId);
}
