namespace IvrController.Presence;

/// <summary>What a rebuild from the switch found.</summary>
/// <param name="RegisteredAgents">Agents with at least one registration on the agents' profile.</param>
/// <param name="AgentLegs">Live legs of agents' phones.</param>
/// <param name="AgentsOnCall">Agents with at least one of those legs.</param>
/// <param name="OtherChannels">Channels that are nobody's phone (customers, gateways, loopbacks).</param>
public sealed record PresenceReconciliation(int RegisteredAgents, int AgentLegs, int AgentsOnCall, int OtherChannels);
