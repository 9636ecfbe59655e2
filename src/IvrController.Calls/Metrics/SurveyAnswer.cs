namespace IvrController.Metrics;

/// <summary>How a satisfaction survey ended, as /metrics counts it.</summary>
public enum SurveyAnswer
{
    /// <summary>A key of the template was pressed.</summary>
    Rated,

    /// <summary>No key within the tries (the "no answer" of the stored result, the customer still on the line).</summary>
    NoDigit,

    /// <summary>A key that is not the template's.</summary>
    Invalid,

    /// <summary>The customer hung up before answering.</summary>
    HungUp,
}
