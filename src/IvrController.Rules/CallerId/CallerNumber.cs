using System.Collections.Frozen;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;

namespace IvrController.Rules.CallerId;

/// <summary>One of our numbers: what customers may see when an agent calls them, and a DID customers call back.</summary>
public sealed class CallerNumber
{
    public required PhoneNumber Number { get; init; }

    public string E164 => Number.E164;

    public string National => Number.National;

    /// <summary>Where the number is registered, for the same-region rule; null when nobody said.</summary>
    public NumberRegion? Region { get; init; }

    /// <summary>Disabled numbers are never selected.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>At most this many calls at once on this number; null = no limit.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>At most this many outbound calls a day (carriers flag numbers that call too much); null = no limit.</summary>
    public int? DailyCap { get; init; }

    /// <summary>Skill groups this number serves under the skill-group rule.</summary>
    public IReadOnlySet<string> SkillGroupIds { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The IVR menu a customer hears when calling this number (and no callback memory applies).</summary>
    public string? IvrMenu { get; init; }

    public override string ToString() => E164;
}
