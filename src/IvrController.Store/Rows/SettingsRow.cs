namespace IvrController.Store.Rows;

/// <summary>The single row of <c>settings</c>. Survey template ids are null when that survey is off.</summary>
public sealed record SettingsRow(
    string CallerIdRule,
    string CandidatePick,
    string ProtectionMode,
    bool CallbackEnabled,
    short CallbackMode,
    TimeSpan CallbackWindow,
    TimeSpan CallbackRingTimeout,
    int? OutboundSurveyTemplate,
    int? InboundSurveyTemplate,
    DateTime UpdatedAt);
