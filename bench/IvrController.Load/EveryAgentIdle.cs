using IvrController.Flows;
using IvrController.Rules.Agents;

namespace IvrController.Load;

/// <summary>Presence for the load run: every agent is registered and idle, as on a quiet switch with all phones up.</summary>
internal sealed class EveryAgentIdle : IAgentPresence
{
    private static readonly AgentOnSwitch Idle = new(Registered: true, OnCall: false);

    public AgentOnSwitch? OnSwitch(string agentId) => Idle;
}
