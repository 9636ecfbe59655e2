namespace IvrController.Rules.Agents;

/// <summary>A team of agents; caller numbers are linked to skill groups.</summary>
public sealed record SkillGroup(string Id, string Name);
