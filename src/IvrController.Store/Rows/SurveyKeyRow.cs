namespace IvrController.Store.Rows;

/// <summary>A row of <c>survey_keys</c>: pressing <see cref="Digit"/> in template <see cref="TemplateId"/> means <see cref="Label"/>.</summary>
public sealed record SurveyKeyRow(int TemplateId, char Digit, string Label, int Score);
