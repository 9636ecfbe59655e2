using IvrController.Rules.Agents;

namespace IvrController.Flows;

/// <summary>What the switch says about an agent's phones: registered, on a call. Null when presence knows nothing yet.</summary>
public interface IAgentPresence
{
    AgentOnSwitch? OnSwitch(string agentId);
}
