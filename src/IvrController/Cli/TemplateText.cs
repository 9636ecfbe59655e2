using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>Survey templates as <c>templates list</c> and <c>templates show</c> print them.</summary>
public static class TemplateText
{
    public static TextTable List(IEnumerable<SurveyTemplate> templates, SettingsView settings)
    {
        var table = new TextTable("ID", "NAME", "DIRECTION", "ENABLED", "LANGUAGE", "KEYS", "TIMEOUT", "RETRIES", "IN USE");
        foreach (SurveyTemplate template in templates)
        {
            table.Add(
                template.Id,
                template.Name,
                RuleWords.SurveyDirections.Word(template.Direction),
                template.Enabled ? "yes" : "no",
                template.Language,
                string.Join(' ', template.Keys.Select(k => k.Digit)),
                DurationText.Format(template.Timeout),
                template.Retries.ToString(CultureInfo.InvariantCulture),
                InUse(template, settings) ?? "-");
        }

        return table;
    }

    /// <summary>Labelled with the options that set each field, so what is shown can be typed back.</summary>
    public static TextTable Show(SurveyTemplate template, SettingsView settings)
    {
        var table = new TextTable()
            .Add("name", template.Name)
            .Add("id", template.Id)
            .Add("direction", RuleWords.SurveyDirections.Word(template.Direction))
            .Add("enabled", template.Enabled ? "yes" : "no")
            .Add("in use", InUse(template, settings) ?? "no")
            .Add("language", template.Language)
            .Add("guide", template.GuidePrompt)
            .Add("guide-text", template.GuideText ?? "-")
            .Add("closing", template.ClosingPrompt)
            .Add("closing-text", template.ClosingText ?? "-")
            .Add("invalid", template.InvalidPrompt)
            .Add("invalid-text", template.InvalidText ?? "-")
            .Add("timeout-prompt", template.TimeoutPrompt)
            .Add("timeout-text", template.TimeoutText ?? "-")
            .Add("timeout", DurationText.Format(template.Timeout))
            .Add("retries", template.Retries.ToString(CultureInfo.InvariantCulture));
        foreach (SurveyKey key in template.Keys)
        {
            table.Add("key", SurveyKeyText.Format(key));
        }

        return table;
    }

    private static string? InUse(SurveyTemplate template, SettingsView settings)
    {
        var uses = new List<string>();
        if (settings.Settings.OutboundSurveyTemplateId == template.Id)
        {
            uses.Add("outbound survey");
        }

        if (settings.Settings.InboundSurveyTemplateId == template.Id)
        {
            uses.Add("inbound survey");
        }

        return uses.Count == 0 ? null : string.Join(", ", uses);
    }
}
