using System.Globalization;
using IvrController.Rules.Ivr;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;

namespace IvrController.Store.Rows;

/// <summary>Rows to the rules' model, shared by the snapshot builder and the admin side so both read a row the same way.</summary>
public static class RuleRowMapping
{
    /// <summary>The id the rules layer uses for a survey template: the table's integer id, as text.</summary>
    public static string TemplateId(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static SurveyTemplate ToSurveyTemplate(SurveyTemplateRow row, IEnumerable<SurveyKeyRow> keys) => new()
    {
        Id = TemplateId(row.Id),
        Name = row.Name,
        Direction = RuleWords.SurveyDirections.Parse(row.Direction),
        Enabled = row.Enabled,
        GuidePrompt = row.GuidePrompt,
        ClosingPrompt = row.ClosingPrompt,
        InvalidPrompt = row.InvalidPrompt,
        TimeoutPrompt = row.TimeoutPrompt,
        GuideText = row.GuideText,
        ClosingText = row.ClosingText,
        InvalidText = row.InvalidText,
        TimeoutText = row.TimeoutText,
        Timeout = TimeSpan.FromMilliseconds(row.TimeoutMs),
        Retries = row.Retries,
        Language = row.Language,
        Keys = keys.OrderBy(k => k.Digit).Select(k => new SurveyKey(k.Digit, k.Label, k.Score)).ToList(),
    };

    public static IvrMenu ToMenu(IvrMenuRow row, IReadOnlyList<IvrOption> options, IvrAction defaultAction) => new()
    {
        Name = row.Name,
        Greeting = row.GreetingPrompt,
        InvalidPrompt = row.InvalidPrompt,
        TimeoutPrompt = row.TimeoutPrompt,
        GreetingText = row.GreetingText,
        InvalidText = row.InvalidText,
        TimeoutText = row.TimeoutText,
        Timeout = TimeSpan.FromMilliseconds(row.TimeoutMs),
        MaxRetries = row.MaxRetries,
        DefaultAction = defaultAction,
        Options = options,
        Enabled = row.Enabled,
    };
}
