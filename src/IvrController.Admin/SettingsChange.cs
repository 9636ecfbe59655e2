using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;

namespace IvrController.Admin;

/// <summary>The settings an admin wants changed; null = leave that one as it is.</summary>
public sealed record SettingsChange
{
    public CallerIdRule? CallerIdRule { get; init; }

    public CandidatePick? CandidatePick { get; init; }

    public NumberProtectionMode? NumberProtection { get; init; }

    public bool? CallbackEnabled { get; init; }

    public CallbackMode? CallbackMode { get; init; }

    public TimeSpan? CallbackWindow { get; init; }

    public TimeSpan? CallbackRingTimeout { get; init; }

    public SurveyChoice? OutboundSurvey { get; init; }

    public SurveyChoice? InboundSurvey { get; init; }

    public bool IsEmpty => this == new SettingsChange();
}
