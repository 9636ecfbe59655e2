namespace IvrController.Rules.Surveys;

/// <summary>Which calls a survey template is for: after an agent's outbound call, or after a customer's inbound one.</summary>
public enum SurveyDirection
{
    Outbound,
    Inbound,
}
