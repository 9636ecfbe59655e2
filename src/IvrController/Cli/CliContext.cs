using System.CommandLine;
using IvrController.Admin;
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

    public TextWriter Output { get; }

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
