using System.Text;
using IvrController.Rules.Keypad;
using IvrController.Rules.Prompts;

namespace IvrController.Rules.Surveys;

/// <summary>
/// A satisfaction survey (DESIGN 2.4), run with <c>play_and_get_digits</c> after the agent hangs up:
/// the guide prompt, one key, then the closing prompt and hang-up.
/// </summary>
public sealed record SurveyTemplate
{
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 60;
    public const int MinRetries = 1;
    public const int MaxRetries = 5;

    public required string Id { get; init; }

    public required string Name { get; init; }

    public SurveyDirection Direction { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Played first: "please rate our service, 1 for satisfied…".</summary>
    public required string GuidePrompt { get; init; }

    /// <summary>Played after a key (or after the last try), before the hang-up.</summary>
    public required string ClosingPrompt { get; init; }

    /// <summary>Played when a key is not one of <see cref="Keys"/>.</summary>
    public required string InvalidPrompt { get; init; }

    /// <summary>Played when no key came within <see cref="Timeout"/>.</summary>
    public required string TimeoutPrompt { get; init; }

    /// <summary>
    /// The words <see cref="GuidePrompt"/> was made from: set, the prompt is the file they were rendered to (the
    /// admin side renders on save); null, the prompt is a file name under sounds/ or an uploaded recording.
    /// </summary>
    public string? GuideText { get; init; }

    /// <summary>The words of <see cref="ClosingPrompt"/>, as <see cref="GuideText"/>.</summary>
    public string? ClosingText { get; init; }

    /// <summary>The words of <see cref="InvalidPrompt"/>, as <see cref="GuideText"/>.</summary>
    public string? InvalidText { get; init; }

    /// <summary>The words of <see cref="TimeoutPrompt"/>, as <see cref="GuideText"/>.</summary>
    public string? TimeoutText { get; init; }

    public IReadOnlyList<SurveyKey> Keys { get; init; } = [];

    /// <summary>How long to wait for a key after the guide prompt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many more times the guide is played after a wrong or missing key (play_and_get_digits' tries is this + 1).</summary>
    public int Retries { get; init; } = 1;

    /// <summary>"zh-CN" or "en": the folder the prompts are taken from.</summary>
    public string Language { get; init; } = "zh-CN";

    /// <summary>The <c>tries</c> argument of play_and_get_digits.</summary>
    public int Tries => Retries + 1;

    /// <summary>The keys as a regular expression for play_and_get_digits: keys 1, 2, 3 → "^[123]$".</summary>
    public string DigitsRegex
    {
        get
        {
            var regex = new StringBuilder("^[", Keys.Count + 4);
            foreach (SurveyKey key in Keys)
            {
                regex.Append(key.Digit);
            }

            return regex.Append("]$").ToString();
        }
    }

    /// <summary>
    /// The terminators argument: "#" normally, but "none" when # is itself a key, or pressing it would end
    /// the input empty instead of being the answer.
    /// </summary>
    public string Terminators => Keys.Any(k => k.Digit == '#') ? "none" : "#";

    public bool TryGetKey(char digit, out SurveyKey? key)
    {
        foreach (SurveyKey candidate in Keys)
        {
            if (candidate.Digit == digit)
            {
                key = candidate;
                return true;
            }
        }

        key = null;
        return false;
    }

    /// <summary>Every problem with the template, in words an admin can act on; empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            errors.Add("id is empty");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name is empty");
        }

        if (!Enum.IsDefined(Direction))
        {
            errors.Add($"direction {(int)Direction} is unknown");
        }

        foreach ((string what, string prompt) in new[]
                 {
                     ("guide prompt", GuidePrompt), ("closing prompt", ClosingPrompt),
                     ("invalid prompt", InvalidPrompt), ("timeout prompt", TimeoutPrompt),
                 })
        {
            if (PromptName.ProblemWith(what, prompt) is { } problem)
            {
                errors.Add(problem);
            }
        }

        foreach ((string what, string? words) in new[]
                 {
                     ("guide prompt", GuideText), ("closing prompt", ClosingText),
                     ("invalid prompt", InvalidText), ("timeout prompt", TimeoutText),
                 })
        {
            if (words is not null && PromptWords.ProblemWith(what, words) is { } problem)
            {
                errors.Add(problem);
            }
        }

        if (Keys.Count == 0)
        {
            errors.Add("at least one key is needed");
        }

        var seen = new HashSet<char>();
        foreach (SurveyKey key in Keys)
        {
            if (!PhoneKeys.IsPhoneKey(key.Digit))
            {
                errors.Add($"key '{key.Digit}' is not a phone key (0-9, * or #)");
            }
            else if (!seen.Add(key.Digit))
            {
                errors.Add($"key '{key.Digit}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(key.Label))
            {
                errors.Add($"key '{key.Digit}' has no label");
            }
        }

        if (Timeout < TimeSpan.FromSeconds(MinTimeoutSeconds) || Timeout > TimeSpan.FromSeconds(MaxTimeoutSeconds))
        {
            errors.Add($"timeout {Timeout.TotalSeconds:0.###} s is outside {MinTimeoutSeconds}–{MaxTimeoutSeconds} s");
        }

        if (Retries is < MinRetries or > MaxRetries)
        {
            errors.Add($"retries {Retries} is outside {MinRetries}–{MaxRetries}");
        }

        if (Language is not ("zh-CN" or "en"))
        {
            errors.Add($"language '{Language}' is not supported (zh-CN or en)");
        }

        return errors;
    }
}
