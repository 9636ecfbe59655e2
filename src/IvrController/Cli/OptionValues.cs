using IvrController.Admin;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>Reads option values that need more than a type: a wrong one is one line naming the option and what it takes.</summary>
public static class OptionValues
{
    public static TEnum Word<TEnum>(WordMap<TEnum> words, string option, string text)
        where TEnum : struct, Enum =>
        words.TryParse(text, out TEnum value) ? value : throw new CliException($"{option} must be {words.Choices}, not '{text}'.");

    public static TimeSpan Duration(string option, string text) =>
        DurationText.TryParse(text, out TimeSpan duration)
            ? duration
            : throw new CliException($"{option} '{text}' is not a duration: write a whole number and s, m, h or d, e.g. 20s, 90m, 72h, 3d.");

    public static bool OnOff(string option, string text) => text switch
    {
        "on" => true,
        "off" => false,
        _ => throw new CliException($"{option} must be on or off, not '{text}'."),
    };

    /// <summary>--enabled / --disabled: null when neither was given.</summary>
    public static bool? Enabled(bool enabled, bool disabled) => (enabled, disabled) switch
    {
        (true, true) => throw new CliException("Give --enabled or --disabled, not both."),
        (true, false) => true,
        (false, true) => false,
        _ => null,
    };
}
