namespace IvrController.Store.Rows;

/// <summary>A row of <c>survey_templates</c>.</summary>
public sealed record SurveyTemplateRow(
    int Id,
    string Name,
    string Direction,
    bool Enabled,
    string GuidePrompt,
    string ClosingPrompt,
    string InvalidPrompt,
    string TimeoutPrompt,
    int TimeoutMs,
    int Retries,
    string Language,
    string? GuideText = null,
    string? ClosingText = null,
    string? InvalidText = null,
    string? TimeoutText = null);
