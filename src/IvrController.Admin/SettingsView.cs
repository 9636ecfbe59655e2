using IvrController.Rules.Settings;

namespace IvrController.Admin;

/// <summary>The settings row as the rules read it, with the names of the survey templates it points at.</summary>
/// <param name="Settings">Survey template ids are the database ids, as text.</param>
/// <param name="OutboundSurveyName">Null when the outbound survey is off.</param>
/// <param name="InboundSurveyName">Null when the inbound survey is off.</param>
/// <param name="UpdatedAt">When the row last changed (UTC).</param>
public sealed record SettingsView(RuleSettings Settings, string? OutboundSurveyName, string? InboundSurveyName, DateTime UpdatedAt)
{
    /// <summary>rules_version as of the same read as the row: after an edit, the version that carries it.</summary>
    public long RulesVersion { get; init; }
}
