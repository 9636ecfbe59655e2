namespace IvrController.Admin;

/// <summary>A caller number to add. <see cref="Number"/> is as the admin typed it; it is stored in E.164.</summary>
public sealed record CallerNumberSetup(string Number)
{
    /// <summary>Province and city go together: both or neither (neither: the region is looked up from the number).</summary>
    public string? Province { get; init; }

    public string? City { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Null: no limit.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>Null: no limit.</summary>
    public int? DailyCap { get; init; }

    public string? IvrMenu { get; init; }

    public IReadOnlyCollection<string> SkillGroups { get; init; } = [];
}
