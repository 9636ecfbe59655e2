using System.Globalization;
using IvrController.Rules.Settings;
using IvrController.Store.Vocabulary;

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

    /// <summary>
    /// Each setting by its key (the option of <c>ivrctl settings set</c> without dashes) and its value as the audit
    /// log and the console word it: "caller-id-rule same_region", "callback-window 72h".
    /// </summary>
    public IReadOnlyList<(string Key, string Value)> Fields =>
    [
        ("caller-id-rule", RuleWords.CallerIdRules.Word(Settings.CallerIdRule)),
        ("candidate-pick", RuleWords.CandidatePicks.Word(Settings.CandidatePick)),
        ("protection", RuleWords.ProtectionModes.Word(Settings.NumberProtection)),
        ("callback", Settings.Callback.Enabled ? "on" : "off"),
        ("callback-mode", ((int)Settings.Callback.Mode).ToString(CultureInfo.InvariantCulture)),
        ("callback-window", $"{Settings.Callback.Window.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h"),
        ("callback-ring-timeout", $"{Settings.Callback.RingTimeout.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)}s"),
        ("outbound-survey", OutboundSurveyName ?? "none"),
        ("inbound-survey", InboundSurveyName ?? "none"),
    ];

    /// <summary>The value of the setting with this key in <see cref="Fields"/>.</summary>
    public string ValueOf(string key) => Fields.First(f => f.Key == key).Value;
}
