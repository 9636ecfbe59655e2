namespace IvrController.Admin;

/// <summary>An agent as <c>ivrctl agents list</c> shows it: the row and the skill groups it is in, by id.</summary>
public sealed record AgentListing(string Id, string Name, string Status, IReadOnlyList<string> SkillGroups);
