namespace IvrController.Esl.Messages;

/// <summary>What <c>play_and_get_digits</c> collected, read from its CHANNEL_EXECUTE_COMPLETE.</summary>
public sealed record PlayAndGetDigitsResult(string? Digits, string? ReadResult, string? TerminatorUsed)
{
    /// <summary>True when digits matching the regex were collected.</summary>
    public bool HasDigits => !string.IsNullOrEmpty(Digits);

    /// <summary>No valid digits after every try (the switch reports <c>read_result</c> timeout or failure).</summary>
    public bool TimedOut => !HasDigits;

    public static PlayAndGetDigitsResult From(ApplicationResult completion, string variableName)
    {
        string? digits = completion.GetVariable(variableName);
        return new PlayAndGetDigitsResult(
            string.IsNullOrEmpty(digits) ? null : digits,
            completion.GetVariable("read_result"),
            completion.GetVariable("read_terminator_used"));
    }
}
