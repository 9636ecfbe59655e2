namespace IvrController.Admin;

/// <summary>
/// Which template a survey setting should use: one named by its name (or id), or <see cref="Off"/>.
/// A separate type so "leave it as it is" (no choice at all) differs from "switch it off".
/// </summary>
public sealed record SurveyChoice
{
    private SurveyChoice(string? template)
    {
        Template = template;
    }

    public static SurveyChoice Off { get; } = new((string?)null);

    /// <summary>The template's name or id; null when the survey is switched off.</summary>
    public string? Template { get; }

    public static SurveyChoice Of(string template) =>
        string.IsNullOrWhiteSpace(template) ? throw new ArgumentException("Name a template, or use SurveyChoice.Off.", nameof(template)) : new(template);
}
