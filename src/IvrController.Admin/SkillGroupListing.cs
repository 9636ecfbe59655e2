namespace IvrController.Admin;

/// <summary>A skill group as <c>ivrctl skill-groups list</c> shows it, with how many agents and caller numbers it has.</summary>
public sealed record SkillGroupListing(string Id, string Name, string Direction, int Agents, int Numbers);
