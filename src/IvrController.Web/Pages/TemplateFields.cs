namespace IvrController.Web.Pages;

/// <summary>The survey template form's fields, by the words of SurveyTemplate.Validate, SurveyTemplateAdmin and the schema's sentences.</summary>
public static class TemplateFields
{
    public static readonly FormField Direction = new("direction", "must stay a survey for", "direction");
    public static readonly FormField Enabled = new("enabled", "cannot be disabled");
    public static readonly FormField GuidePrompt = new("guide-prompt", "guide prompt");
    public static readonly FormField ClosingPrompt = new("closing-prompt", "closing prompt");
    public static readonly FormField InvalidPrompt = new("invalid-prompt", "invalid prompt");
    public static readonly FormField TimeoutPrompt = new("timeout-prompt", "timeout prompt");
    public static readonly FormField Timeout = new("timeout", "timeout");
    public static readonly FormField Retries = new("retries", "retries");
    public static readonly FormField Language = new("language", "language");
    public static readonly FormField Keys = new("keys", "key");
    public static readonly FormField Name = new("name", "name");

    public static IReadOnlyList<FormField> All { get; } =
        [Direction, Enabled, GuidePrompt, ClosingPrompt, InvalidPrompt, TimeoutPrompt, Timeout, Retries, Language, Keys, Name];
}
