using System.Globalization;

namespace IvrController.Esl.Messages;

/// <summary>
/// Arguments of the <c>play_and_get_digits</c> application:
/// <c>min max tries timeout terminators file invalid_file var_name regexp [digit_timeout]</c>.
/// </summary>
public sealed record PlayAndGetDigits
{
    public int MinDigits { get; init; } = 1;
    public int MaxDigits { get; init; } = 1;
    public int Tries { get; init; } = 3;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public string Terminators { get; init; } = "#";
    public required string Prompt { get; init; }
    public string InvalidPrompt { get; init; } = "silence_stream://250";
    public required string VariableName { get; init; }
    public string DigitsRegex { get; init; } = "\\d+";
    public TimeSpan? DigitTimeout { get; init; }

    public string ToArgument()
    {
        if (MinDigits < 0 || MaxDigits < Math.Max(1, MinDigits))
        {
            throw new ArgumentException($"play_and_get_digits needs 0 <= min <= max and max >= 1 (got {MinDigits}..{MaxDigits}).");
        }

        if (Tries < 1 || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("play_and_get_digits needs at least one try and a positive timeout.");
        }

        // The switch splits the argument on spaces: a space inside a field would shift every later field.
        foreach ((string field, string value) in new[] { ("terminators", Terminators), ("prompt", Prompt), ("invalid prompt", InvalidPrompt), ("variable name", VariableName), ("digits regex", DigitsRegex) })
        {
            if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(' ', '\n', '\r') >= 0)
            {
                throw new ArgumentException($"play_and_get_digits {field} must be non-empty and contain no spaces (got '{value}').");
            }
        }

        string argument = string.Create(CultureInfo.InvariantCulture,
            $"{MinDigits} {MaxDigits} {Tries} {(long)Timeout.TotalMilliseconds} {Terminators} {Prompt} {InvalidPrompt} {VariableName} {DigitsRegex}");
        return DigitTimeout is { } digitTimeout
            ? string.Create(CultureInfo.InvariantCulture, $"{argument} {(long)digitTimeout.TotalMilliseconds}")
            : argument;
    }
}
