using IvrController.Flows;
using IvrController.Rules.Agents;

namespace IvrController.Flows.Tests.Flows;

/// <summary>Presence as a test says it is: agents listed are registered and idle unless marked otherwise; others unknown.</summary>
internal sealed class TestPresence : IAgentPresence
{
    private readonly Dictionary<string, AgentOnSwitch> _agents = new(StringComparer.Ordinal);

    public TestPresence Registered(string agentId)
    {
        _agents[agentId] = new AgentOnSwitch(Registered: true, OnCall: false);
        return this;
    }

    public TestPresence NotRegistered(string agentId)
    {
        _agents[agentId] = new AgentOnSwitch(Registered: false, OnCall: false);
        return this;
    }

    public AgentOnSwitch? OnSwitch(string agentId) => _agents.GetValueOrDefault(agentId);
}
