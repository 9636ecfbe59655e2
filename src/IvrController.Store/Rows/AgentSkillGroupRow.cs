namespace IvrController.Store.Rows;

/// <summary>A row of <c>agent_skill_groups</c>: agent <see cref="AgentId"/> belongs to <see cref="SkillGroupId"/>.</summary>
public sealed record AgentSkillGroupRow(string AgentId, string SkillGroupId);
