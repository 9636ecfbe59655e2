namespace IvrController.Integration.Sipp;

/// <summary>
/// Where one sipp run keeps its logs: all in the test's log directory, named after the phone.
/// sipp runs in that directory and is given the bare file names (<see cref="ForSipp"/>): sipp 3.6
/// copies a log file's name into a 250-byte buffer, and a full path under a deep checkout and a long
/// test name overflows it (the process aborts with "buffer overflow detected" before it sends a thing).
/// </summary>
public sealed record SippLogFiles(string Directory, string Name)
{
    /// <summary>The longest log file name sipp 3.6 holds (its MAX_PATH of 250, less the terminating NUL).</summary>
    public const int LongestNameForSipp = 249;

    public string Messages => Path.Combine(Directory, MessagesFile);

    public string Errors => Path.Combine(Directory, ErrorsFile);

    public string Actions => Path.Combine(Directory, ActionsFile);

    public string Screen => Path.Combine(Directory, ScreenFile);

    public string Stdout => Path.Combine(Directory, $"{Name}.stdout.log");

    public string Stderr => Path.Combine(Directory, $"{Name}.stderr.log");

    private string MessagesFile => $"{Name}.messages.log";

    private string ErrorsFile => $"{Name}.errors.log";

    private string ActionsFile => $"{Name}.actions.log";

    private string ScreenFile => $"{Name}.screen.log";

    /// <summary>The names sipp is given, relative to <see cref="Directory"/> (its working directory).</summary>
    public (string Messages, string Errors, string Actions, string Screen) ForSipp()
    {
        string longest = new[] { MessagesFile, ErrorsFile, ActionsFile, ScreenFile }.MaxBy(file => file.Length)!;
        if (longest.Length > LongestNameForSipp)
        {
            throw new ArgumentException(
                $"the phone's name '{Name}' makes a log file name of {longest.Length} characters; sipp holds {LongestNameForSipp} at most");
        }

        return (MessagesFile, ErrorsFile, ActionsFile, ScreenFile);
    }
}
