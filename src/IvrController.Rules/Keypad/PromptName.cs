namespace IvrController.Rules.Keypad;

/// <summary>
/// Prompt names travel as single arguments of <c>play_and_get_digits</c>, which the switch splits on
/// spaces: a space inside one would shift every later argument.
/// </summary>
public static class PromptName
{
    /// <summary>Why <paramref name="prompt"/> cannot be used (naming it <paramref name="what"/>), or null when it can.</summary>
    public static string? ProblemWith(string what, string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return $"{what} is empty";
        }

        foreach (char c in prompt)
        {
            if (char.IsWhiteSpace(c))
            {
                return $"{what} '{prompt}' contains a space or line break: play_and_get_digits splits its arguments on spaces";
            }
        }

        return null;
    }
}
