using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Callback;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>The settings one per line, labelled with the option of <c>settings set</c> that changes them.</summary>
public static class SettingsText
{
    /// <summary>(label, value) per setting; the label is the option of <c>settings set</c> without its dashes.</summary>
    public static IReadOnlyList<(string Label, string Value)> Rows(SettingsView view)
    {
        var settings = view.Settings;
        return
        [
            ("caller-id-rule", RuleWords.CallerIdRules.Word(settings.CallerIdRule)),
            ("candidate-pick", RuleWords.CandidatePicks.Word(settings.CandidatePick)),
            ("protection", RuleWords.ProtectionModes.Word(settings.NumberProtection)),
            ("callback", settings.Callback.Enabled ? "on" : "off"),
            ("callback-mode", Mode(settings.Callback.Mode)),
            ("callback-window", DurationText.Format(settings.Callback.Window)),
            ("callback-ring-timeout", DurationText.Format(settings.Callback.RingTimeout)),
            ("outbound-survey", Survey(view.OutboundSurveyName, settings.OutboundSurveyTemplateId)),
            ("inbound-survey", Survey(view.InboundSurveyName, settings.InboundSurveyTemplateId)),
            ("updated", view.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
        ];
    }

    public static TextTable Table(SettingsView view)
    {
        var table = new TextTable();
        foreach ((string label, string value) in Rows(view))
        {
            table.Add(label, value);
        }

        return table;
    }

    public static string Mode(CallbackMode mode) => mode switch
    {
        CallbackMode.OriginalAgentOnly => "1 (original agent only)",
        CallbackMode.OriginalAgentFirst => "2 (original agent first, then the IVR)",
        _ => ((int)mode).ToString(CultureInfo.InvariantCulture),
    };

    private static string Survey(string? name, string? id) => (name, id) switch
    {
        (null, null) => "none",
        (null, _) => $"template id {id}",
        _ => $"{name} (id {id})",
    };
}
