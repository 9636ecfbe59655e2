using System.Globalization;
using IvrController.Rules.Surveys;

namespace IvrController.Cli;

/// <summary>Survey keys as ivrctl reads and prints them: "KEY=LABEL:SCORE", e.g. "1=满意:5".</summary>
public static class SurveyKeyText
{
    public static SurveyKey Parse(string option, string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        // The score follows the last colon, so a label may contain one.
        int colon = text.LastIndexOf(':');
        if (equals != 1 || colon <= equals
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int score))
        {
            throw new CliException($"{option} '{text}' is not KEY=LABEL:SCORE with a one-character key, e.g. 1=满意:5.");
        }

        return new SurveyKey(text[0], text[(equals + 1)..colon], score);
    }

    public static string Format(SurveyKey key) => string.Create(CultureInfo.InvariantCulture, $"{key.Digit}={key.Label}:{key.Score}");
}
