using IvrController.Rules.Prompts;

namespace IvrController.Admin.Prompts;

/// <summary>
/// The prompts of a template or menu on their way to the database: a prompt given as words becomes the file they
/// are spoken into. First <see cref="Plan"/> (the file's path, known from the words alone, so the rules can check
/// the whole edit), then, once the edit is sound, <see cref="SpeakAsync"/>. Shared by the survey template and IVR
/// menu admins so both treat words alike.
/// </summary>
internal static class SpokenPrompt
{
    /// <summary>
    /// The prompt to store for <paramref name="what"/>: the path the switch will play when there are words, else the
    /// prompt as given. Words that cannot be spoken here add a problem and leave the prompt as it was.
    /// </summary>
    /// <param name="before">The same prompt as stored, when updating: unchanged words need no prompts directory.</param>
    public static string Plan(
        PromptStudio? studio, string what, string language, string? words, string prompt, (string? Words, string Prompt, string Language)? before, List<string> problems)
    {
        if (words is null || PromptWords.ProblemWith(what, words) is not null)
        {
            // No words, or words the rules refuse with their own sentence.
            return prompt;
        }

        if (studio is not null)
        {
            return studio.SwitchPathOf(studio.FileNameFor(language, words));
        }

        if (before is { } stored && stored.Words == words && stored.Language == language)
        {
            return stored.Prompt;
        }

        problems.Add($"the {what} is given as words, but no prompts directory is set to speak them into (Prompts:Directory; for ivrctl --prompts-dir or IVR_PROMPTS_DIR)");
        return prompt;
    }

    /// <summary>Speaks every prompt that has words (files already there are kept); each failure is a problem naming its prompt.</summary>
    public static async Task<List<string>> SpeakAsync(PromptStudio? studio, IEnumerable<(string What, string Language, string? Words)> prompts, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (studio is null)
        {
            return problems;
        }

        foreach ((string what, string language, string? words) in prompts)
        {
            if (words is null)
            {
                continue;
            }

            try
            {
                await studio.SpeakAsync(language, words, cancellationToken).ConfigureAwait(false);
            }
            catch (PromptRenderingException e)
            {
                problems.Add($"the words of the {what} could not be spoken: {e.Message}");
            }
        }

        return problems;
    }
}
