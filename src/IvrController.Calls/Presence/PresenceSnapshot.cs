namespace IvrController.Presence;

/// <summary>Every agent presence knows about, at one instant, in agent id order.</summary>
/// <param name="IsSynchronized">
/// False from a lost connection until the next rebuild from the switch: the state may then
/// miss whatever happened in between.
/// </param>
/// <param name="SynchronizedAt">When the state was last rebuilt from the switch's own tables.</param>
public sealed record PresenceSnapshot(DateTimeOffset TakenAt, bool IsSynchronized, DateTimeOffset? SynchronizedAt, IReadOnlyList<AgentPresenceStatus> Agents)
{
    /// <summary>The agent's row, or one that says "not registered, not on a call".</summary>
    public AgentPresenceStatus For(string agentId) =>
        Agents.FirstOrDefault(a => string.Equals(a.AgentId, agentId, StringComparison.Ordinal))
        ?? new AgentPresenceStatus(agentId, 0, null, []);
}
