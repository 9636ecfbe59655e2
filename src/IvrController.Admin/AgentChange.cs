namespace IvrController.Admin;

/// <summary>What an update of an agent changes; unset fields stay. <see cref="SkillGroups"/> replaces the whole set.</summary>
public sealed record AgentChange
{
    public Change<string> Name { get; init; }

    /// <summary>active or offline.</summary>
    public Change<string> Status { get; init; }

    public Change<IReadOnlyCollection<string>> SkillGroups { get; init; }

    public bool IsEmpty => !Name.IsSet && !Status.IsSet && !SkillGroups.IsSet;
}
