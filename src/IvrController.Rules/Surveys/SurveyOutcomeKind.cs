namespace IvrController.Rules.Surveys;

public enum SurveyOutcomeKind
{
    /// <summary>The customer pressed one of the template's keys.</summary>
    Rated,

    /// <summary>Nothing was pressed: stored as "no answer", not dropped, so response rates are honest.</summary>
    NoAnswer,

    /// <summary>Something was pressed that is not a key of the template.</summary>
    Invalid,
}
