namespace IvrController.Rules.Ivr;

/// <summary>What came back from collecting one key: a key, or nothing before the timeout.</summary>
public readonly record struct IvrInput(char? Digit)
{
    public static IvrInput Timeout => default;

    public bool IsTimeout => Digit is null;

    public static IvrInput Pressed(char digit) => new(digit);

    /// <summary>The digits variable play_and_get_digits left: empty or null means nothing was pressed.</summary>
    public static IvrInput FromDigits(string? digits) =>
        string.IsNullOrEmpty(digits) ? Timeout : new IvrInput(digits[0]);

    public override string ToString() => Digit is { } d ? $"pressed {d}" : "no key";
}
