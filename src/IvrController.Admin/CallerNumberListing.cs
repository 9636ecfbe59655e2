namespace IvrController.Admin;

/// <summary>A caller number as <c>ivrctl numbers list</c> shows it: the row and its skill groups, by id.</summary>
public sealed record CallerNumberListing(
    string Number,
    string? Province,
    string? City,
    bool Enabled,
    int? MaxConcurrent,
    int? DailyCap,
    string? IvrMenu,
    IReadOnlyList<string> SkillGroups);
