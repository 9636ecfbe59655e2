namespace IvrController.Admin;

/// <summary>What an update of a skill group changes; unset fields stay.</summary>
public sealed record SkillGroupChange
{
    public Change<string> Name { get; init; }

    /// <summary>inbound, outbound or both.</summary>
    public Change<string> Direction { get; init; }

    public bool IsEmpty => !Name.IsSet && !Direction.IsSet;
}
