using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;

namespace IvrController.Rules.Settings;

/// <summary>The site-wide switches admins set (the settings table).</summary>
public sealed record RuleSettings
{
    public CallerIdRule CallerIdRule { get; init; } = CallerIdRule.SkillGroup;

    public CandidatePick CandidatePick { get; init; } = CandidatePick.Random;

    public NumberProtectionMode NumberProtection { get; init; } = NumberProtectionMode.Mask;

    public CallbackSettings Callback { get; init; } = new();

    /// <summary>The survey after agents' outbound calls; null = no survey.</summary>
    public string? OutboundSurveyTemplateId { get; init; }

    /// <summary>The survey after customers' inbound calls; null = no survey.</summary>
    public string? InboundSurveyTemplateId { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(CallerIdRule))
        {
            errors.Add($"caller-ID rule {(int)CallerIdRule} is unknown");
        }

        if (!Enum.IsDefined(CandidatePick))
        {
            errors.Add($"candidate pick {(int)CandidatePick} is unknown");
        }

        if (!Enum.IsDefined(NumberProtection))
        {
            errors.Add($"number protection mode {(int)NumberProtection} is unknown");
        }

        errors.AddRange(Callback.Validate());
        if (OutboundSurveyTemplateId is { Length: 0 } || InboundSurveyTemplateId is { Length: 0 })
        {
            errors.Add("a survey template id is empty: use null to switch the survey off");
        }

        return errors;
    }
}
