using System.Text;

namespace IvrController.Integration.Sipp;

/// <summary>How one sipp run ended, with everything it logged, for assertions and for failure reports.</summary>
public sealed class SippResult(SippCall call, IReadOnlyList<string> commandLine, int exitCode, bool killed, SippLogFiles logs)
{
    private IReadOnlyList<SipMessage>? _messages;

    public SippCall Call { get; } = call;

    public int ExitCode { get; } = exitCode;

    /// <summary>The process outlived its timeout and was killed.</summary>
    public bool Killed { get; } = killed;

    public SippLogFiles Logs { get; } = logs;

    public bool Succeeded => ExitCode == 0 && !Killed;

    /// <summary>sipp itself died of a signal (a crash or an abort), not killed by us after its timeout.</summary>
    public bool Crashed => !Killed && ExitCode is > 128 and < 160;

    /// <summary>Every SIP message the phone sent and received, in order.</summary>
    public IReadOnlyList<SipMessage> Messages => _messages ??= SipMessageLog.Read(Logs.Messages);

    public IEnumerable<SipMessage> Received => Messages.Where(m => m.Received);

    /// <summary>What sipp's exit code means (its man page).</summary>
    public string Meaning => Killed ? "killed after its timeout" : ExitCode switch
    {
        0 => "all calls succeeded",
        1 => "the call failed (an unexpected or missing message, or a timeout)",
        97 => "stopped by an internal command",
        99 => "no call was processed",
        254 => "could not bind its socket (port in use?)",
        255 => "fatal error",
        _ when Crashed => $"ended by signal {ExitCode - 128}{(ExitCode == 134 ? " (SIGABRT: sipp aborted itself, an assertion or a crash)" : "")}",
        _ => "unknown exit code",
    };

    /// <summary>
    /// <see cref="Meaning"/>, and for an exit other than a failed call also the last line sipp wrote to stderr and
    /// the last SIP message it logged: a failed test's one-line message then says what happened without its logs.
    /// </summary>
    public string Summary
    {
        get
        {
            if (Succeeded || ExitCode == 1)
            {
                return Meaning;
            }

            string lastWords = LastLine(Logs.Stderr) ?? LastLine(Logs.Errors) ?? "(nothing)";
            string lastMessage = Messages.Count == 0 ? "none" : $"{(Messages[^1].Received ? "received" : "sent")} {Messages[^1].StartLine}";
            return $"{Meaning}; its last words: {lastWords}; its last SIP message: {lastMessage}";
        }
    }

    private static string? LastLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim() : null;

    /// <summary>A report of the run: command, outcome and every log, for a failing test's output.</summary>
    public string Describe(int maxLogChars = 20_000)
    {
        var text = new StringBuilder();
        text.AppendLine($"==== sipp '{Call.Name}' ({Call.Scenario}): exit {ExitCode}, {Meaning}");
        text.AppendLine($"command: sipp {string.Join(' ', commandLine.Select(Quote))}");
        Append(text, "stderr", Logs.Stderr, maxLogChars);
        Append(text, "errors (-trace_err)", Logs.Errors, maxLogChars);
        Append(text, "log actions (-trace_logs)", Logs.Actions, maxLogChars);
        Append(text, "messages (-trace_msg)", Logs.Messages, maxLogChars);
        Append(text, "screen", Logs.Screen, 4_000);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string title, string path, int maxChars)
    {
        string content = File.Exists(path) ? File.ReadAllText(path) : "(none)";
        if (content.Length > maxChars)
        {
            content = $"(first {maxChars} of {content.Length} characters; the whole file is {path})\n{content[..maxChars]}";
        }

        text.AppendLine($"---- {title}:").AppendLine(content.TrimEnd());
    }

    // The password is hidden from reports; the rest is shown as it can be pasted into a shell.
    private string Quote(string arg) =>
        Call.AuthPassword is { Length: > 0 } secret && arg == secret ? "(password)"
        : arg.Length == 0 || arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '*' or ';') ? $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'"
        : arg;
}
