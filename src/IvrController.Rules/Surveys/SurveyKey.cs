namespace IvrController.Rules.Surveys;

/// <summary>A key the customer may press, what it means and what it scores: ('1', "满意", 5).</summary>
public sealed record SurveyKey(char Digit, string Label, int Score);
