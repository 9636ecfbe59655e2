namespace IvrController.Admin;

/// <summary>
/// What an update of a caller number changes; unset fields stay, and a nullable field set to null is
/// cleared. Province and city are set together. <see cref="SkillGroups"/> replaces the whole set.
/// </summary>
public sealed record CallerNumberChange
{
    public Change<string?> Province { get; init; }

    public Change<string?> City { get; init; }

    public Change<bool> Enabled { get; init; }

    public Change<int?> MaxConcurrent { get; init; }

    public Change<int?> DailyCap { get; init; }

    public Change<string?> IvrMenu { get; init; }

    public Change<IReadOnlyCollection<string>> SkillGroups { get; init; }

    public bool IsEmpty =>
        !Province.IsSet && !City.IsSet && !Enabled.IsSet && !MaxConcurrent.IsSet && !DailyCap.IsSet && !IvrMenu.IsSet && !SkillGroups.IsSet;
}
