using IvrController.Flows;
using IvrController.Rules.Callback;

namespace IvrController.Flows.Tests.Flows;

/// <summary>Presence as a test says it is: agents listed are registered and idle unless marked otherwise; others unknown.</summary>
internal sealed class TestPresence : IAgentPresence
{
    private readonly Dictionary<string, AgentAvailability> _agents = new(StringComparer.Ordinal);

    public TestPresence Registered(string agentId)
    {
        _agents[agentId] = new AgentAvailability(Registered: true, OnCall: false, OfflineByAdmin: false);
        return this;
    }

    public TestPresence NotRegistered(string agentId)
    {
        _agents[agentId] = new AgentAvailability(Registered: false, OnCall: false, OfflineByAdmin: false);
        return this;
    }

    public AgentAvailability? Availability(string agentId) => _agents.GetValueOrDefault(agentId);
}
