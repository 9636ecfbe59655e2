using System.CommandLine;
using IvrController.Admin.Prompts;

namespace IvrController.Cli;

/// <summary>
/// The prompts one add or update verb takes (a template's four, a menu's three), each a file name, words or a
/// recording (<see cref="PromptOption"/>): their options, the recordings taken into the prompts directory before
/// anything is written, and each prompt as the options leave it.
/// </summary>
public sealed class PromptOptionSet(params PromptOption[] prompts)
{
    public IEnumerable<Option> All => prompts.SelectMany(p => p.All);

    /// <summary>Takes every recording given into the prompts directory (null for a prompt without one); pass the result to <see cref="Apply"/>.</summary>
    public async Task<IReadOnlyDictionary<PromptOption, string?>> TakeRecordingsAsync(ParseResult parse, PromptStudio? studio, CancellationToken cancellationToken)
    {
        var recordings = new Dictionary<PromptOption, string?>();
        foreach (PromptOption prompt in prompts)
        {
            recordings[prompt] = await prompt.TakeRecordingAsync(parse, studio, cancellationToken).ConfigureAwait(false);
        }

        return recordings;
    }

    /// <summary><paramref name="prompt"/>'s file and words after the options and the recording taken for it.</summary>
    public static (string Prompt, string? Words) Apply(
        PromptOption prompt, ParseResult parse, IReadOnlyDictionary<PromptOption, string?> recordings, string current, string? words)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(recordings);
        return prompt.Apply(parse, recordings.GetValueOrDefault(prompt), current, words);
    }
}
