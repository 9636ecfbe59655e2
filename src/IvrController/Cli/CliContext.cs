using System.CommandLine;
using IvrController.Admin;
using IvrController.Admin.Prompts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Cli;

/// <summary>
/// What every admin verb shares: where the database is, where output goes, and how a failure is
/// reported (one line on stderr and a non-zero exit code, never a stack trace for bad input).
/// </summary>
public sealed class CliContext
{
    public const string DatabaseEnvironmentVariable = "IVR_DB";
    public const string PromptsDirectoryVariable = "IVR_PROMPTS_DIR";
    public const string PromptsSwitchDirectoryVariable = "IVR_PROMPTS_SWITCH_DIR";

    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    /// <summary><c>--db</c>: the PostgreSQL connection string (default: the IVR_DB environment variable).</summary>
    public static Option<string?> DatabaseOption { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string (default: ${DatabaseEnvironmentVariable})",
        Recursive = true,
    };

    /// <summary><c>--prompts-dir</c>: the prompts directory as this machine sees it, where words are spoken into files.</summary>
    public static Option<string?> PromptsDirectoryOption { get; } = new("--prompts-dir")
    {
        Description = $"Prompts directory shared with the switch, for prompts given as words or recordings (default: ${PromptsDirectoryVariable})",
        Recursive = true,
    };

    /// <summary><c>--prompts-switch-dir</c>: the same directory as the switch sees it.</summary>
    public static Option<string?> PromptsSwitchDirectoryOption { get; } = new("--prompts-switch-dir")
    {
        Description = $"The prompts directory as the switch sees it (default: ${PromptsSwitchDirectoryVariable}, else --prompts-dir)",
        Recursive = true,
    };

    public TextWriter Output { get; }

    /// <summary>Who the audit log names for every change a verb makes: <c>ivrctl:</c> and the OS user running it.</summary>
    public string Who { get; init; } = $"ivrctl:{Environment.UserName}";

    public TextWriter Error { get; }

    public ILoggerFactory LoggerFactory { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    /// <summary>The clock of explain and reports; tests set a fixed one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where secrets are read from (a password for <c>admins add</c>): the first line of standard input; tests give their own.</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether <see cref="Input"/> is a person at a terminal, who is prompted and whose typing is not shown.</summary>
    public bool InputIsTerminal { get; init; } = !Console.IsInputRedirected && !Console.IsErrorRedirected;

    /// <summary>Used when <c>--db</c> is not given; tests set it instead of the process environment.</summary>
    public string? DefaultDatabase { get; init; } = Environment.GetEnvironmentVariable(DatabaseEnvironmentVariable);

    /// <summary>Used when <c>--prompts-dir</c> is not given; tests set it instead of the process environment.</summary>
    public string? DefaultPromptsDirectory { get; init; } = Environment.GetEnvironmentVariable(PromptsDirectoryVariable);

    /// <summary>Used when <c>--prompts-switch-dir</c> is not given.</summary>
    public string? DefaultPromptsSwitchDirectory { get; init; } = Environment.GetEnvironmentVariable(PromptsSwitchDirectoryVariable);

    /// <summary>The studio that speaks words into the prompts directory; null when none is set (words are then refused with a sentence saying so).</summary>
    public PromptStudio? OpenPromptStudio(ParseResult parse)
    {
        var options = new PromptsOptions
        {
            Directory = parse.GetValue(PromptsDirectoryOption) ?? DefaultPromptsDirectory,
            SwitchDirectory = parse.GetValue(PromptsSwitchDirectoryOption) ?? DefaultPromptsSwitchDirectory,
        };
        IReadOnlyList<string> problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new CliException(string.Join("; ", problems).Replace("Prompts:Directory", "--prompts-dir", StringComparison.Ordinal)
                .Replace("Prompts:SwitchDirectory", "--prompts-switch-dir", StringComparison.Ordinal) + ".");
        }

        return string.IsNullOrWhiteSpace(options.Directory) ? null : new PromptStudio(options);
    }

    public NpgsqlDataSource OpenDatabase(ParseResult parse)
    {
        string? connectionString = parse.GetValue(DatabaseOption) ?? DefaultDatabase;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new CliException($"No database: pass --db \"Host=…;Database=…\" or set {DatabaseEnvironmentVariable}.");
        }

        try
        {
            return NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"The database connection string is not valid: {e.Message}");
        }
    }

    /// <summary>Runs a verb: expected failures become one line and exit code 1.</summary>
    public async Task<int> RunAsync(Func<Task> verb)
    {
        try
        {
            await verb().ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (CliException e)
        {
            await Error.WriteLineAsync($"ivrctl: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (RuleEditException e)
        {
            await Error.WriteLineAsync($"ivrctl: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            await Error.WriteLineAsync($"ivrctl: cannot reach the database: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
