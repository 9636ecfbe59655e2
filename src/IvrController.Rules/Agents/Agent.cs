using System.Collections.Frozen;

namespace IvrController.Rules.Agents;

/// <summary>An agent; <see cref="Id"/> is their SIP user.</summary>
public sealed class Agent
{
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    public AgentStatus Status { get; init; } = AgentStatus.Active;

    /// <summary>The skill groups the agent calls out for; the skill-group caller-ID rule picks from their numbers.</summary>
    public IReadOnlySet<string> OutboundSkillGroupIds { get; init; } = FrozenSet<string>.Empty;

    public override string ToString() => Id;
}
