using System.CommandLine;
using IvrController.Admin.Prompts;

namespace IvrController.Cli;

/// <summary>
/// The three ways to give one prompt on the command line: a file name under sounds/ (<c>--guide</c>), the words to
/// speak (<c>--guide-text</c>) or a WAV recording (<c>--guide-recording</c>); at most one of them per prompt.
/// </summary>
public sealed class PromptOption
{
    public PromptOption(string fileOption, string wordsOption, string recordingOption, string what)
    {
        File = new Option<string>(fileOption) { HelpName = "PROMPT", Description = $"{what}: a file name under sounds/<language>/" };
        Words = new Option<string>(wordsOption) { HelpName = "TEXT", Description = $"{what}: the words to say (spoken into the prompts directory on save)" };
        Recording = new Option<string>(recordingOption) { HelpName = "FILE.wav", Description = $"{what}: a WAV recording (converted to 8 kHz mono into the prompts directory)" };
    }

    public Option<string> File { get; }

    public Option<string> Words { get; }

    public Option<string> Recording { get; }

    public IEnumerable<Option> All => [File, Words, Recording];

    /// <summary>
    /// Takes the recording given for this prompt into the prompts directory (before any transaction: converting
    /// takes a moment); null when none was given.
    /// </summary>
    public async Task<string?> TakeRecordingAsync(ParseResult parse, PromptStudio? studio, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Recording) is not { } file)
        {
            return null;
        }

        if (studio is null)
        {
            throw new CliException($"{Recording.Name} needs the prompts directory: pass --prompts-dir or set {CliContext.PromptsDirectoryVariable}.");
        }

        byte[] recording;
        try
        {
            recording = await System.IO.File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{Recording.Name}: cannot read {file}: {e.Message}");
        }

        try
        {
            return await studio.TakeRecordingAsync(recording, cancellationToken).ConfigureAwait(false);
        }
        catch (PromptRenderingException e)
        {
            throw new CliException($"{Recording.Name} {file}: {e.Message}.");
        }
    }

    /// <summary>The prompt and its words after the options: a file or a recording clears the words; words keep the prompt until they are spoken.</summary>
    public (string Prompt, string? Words) Apply(ParseResult parse, string? recordingPath, string prompt, string? words)
    {
        string? file = parse.GetValue(File);
        string? said = parse.GetValue(Words);
        int given = (file is null ? 0 : 1) + (said is null ? 0 : 1) + (recordingPath is null ? 0 : 1);
        if (given > 1)
        {
            throw new CliException($"Give one of {File.Name}, {Words.Name} and {Recording.Name}, not more.");
        }

        return (file, said, recordingPath) switch
        {
            ({ } name, _, _) => (name, null),
            (_, { } text, _) => (prompt, text.Trim()),
            (_, _, { } path) => (path, null),
            _ => (prompt, words),
        };
    }
}
