namespace IvrController.Rules.Prompts;

/// <summary>
/// The words of a prompt an admin typed, checked before they are turned into speech: a sentence or two a
/// caller hears, not a document.
/// </summary>
public static class PromptWords
{
    public const int MaxLength = 500;

    /// <summary>Why <paramref name="words"/> cannot be spoken (naming the prompt <paramref name="what"/>), or null when they can.</summary>
    public static string? ProblemWith(string what, string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return $"the words of the {what} are empty";
        }

        if (words.Length > MaxLength)
        {
            return $"the words of the {what} are {words.Length} characters long; at most {MaxLength} (a caller will not wait through more)";
        }

        foreach (char c in words)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return $"the words of the {what} contain a control character (U+{(int)c:X4})";
            }
        }

        return null;
    }

    /// <summary>
    /// The language words are read in when nothing else says: Mandarin when they hold a Chinese character,
    /// else English. IVR menus have no language of their own, so their words decide.
    /// </summary>
    public static string LanguageOf(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (char c in words)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf')
            {
                return "zh-CN";
            }
        }

        return "en";
    }
}
