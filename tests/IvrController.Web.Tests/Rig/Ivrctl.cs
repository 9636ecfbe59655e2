using IvrController.Cli;

namespace IvrController.Web.Tests.Rig;

/// <summary>ivrctl in-process on one database; <c>input</c> is what it reads from standard input (a password).</summary>
public sealed class Ivrctl(string database)
{
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error)
        {
            DefaultDatabase = database,
            Input = new StringReader(input ?? ""),
            InputIsTerminal = false,
        };
        int exitCode = await IvrctlCommands.RunAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a verb that must succeed and returns its output.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(null, args);
        if (exitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"ivrctl {string.Join(' ', args)} failed ({exitCode}): {error}");
        }

        return output;
    }
}
