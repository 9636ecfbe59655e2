namespace IvrController.Rules.Surveys;

/// <summary>What a survey collected, ready to store with its label and score.</summary>
/// <param name="Kind">Rated, no answer or invalid.</param>
/// <param name="Key">The key pressed, for Rated.</param>
/// <param name="Digits">What came back from the switch, trimmed; null when nothing did.</param>
public sealed record SurveyOutcome(SurveyOutcomeKind Kind, SurveyKey? Key, string? Digits)
{
    /// <summary>Reads the digits play_and_get_digits left in its variable (null or empty after a timeout).</summary>
    public static SurveyOutcome From(SurveyTemplate template, string? digits)
    {
        string? trimmed = string.IsNullOrWhiteSpace(digits) ? null : digits.Trim();
        if (trimmed is null)
        {
            return new SurveyOutcome(SurveyOutcomeKind.NoAnswer, null, null);
        }

        return trimmed.Length == 1 && template.TryGetKey(trimmed[0], out SurveyKey? key)
            ? new SurveyOutcome(SurveyOutcomeKind.Rated, key, trimmed)
            : new SurveyOutcome(SurveyOutcomeKind.Invalid, null, trimmed);
    }
}
