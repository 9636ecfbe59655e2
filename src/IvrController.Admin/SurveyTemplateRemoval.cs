using IvrController.Rules.Surveys;

namespace IvrController.Admin;

/// <summary>A removed template, and the surveys that were switched off because the settings used it.</summary>
public sealed record SurveyTemplateRemoval(SurveyTemplate Template, IReadOnlyList<SurveyDirection> SurveysSwitchedOff);
