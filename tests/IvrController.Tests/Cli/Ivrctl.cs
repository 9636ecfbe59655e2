using IvrController.Cli;

namespace IvrController.Tests.Cli;

/// <summary>Runs ivrctl in-process against a database, capturing what an admin would see.</summary>
public sealed class Ivrctl(string? database, TimeProvider? time = null)
{
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await IvrctlCommands.RunAsync(args, new CliContext(output, error)
        {
            DefaultDatabase = database,
            Time = time ?? TimeProvider.System,
            // The machine's IVR_PROMPTS_DIR must not leak into the tests: they pass --prompts-dir.
            DefaultPromptsDirectory = null,
            DefaultPromptsSwitchDirectory = null,
        });
        return (exitCode, output.ToString(), error.ToString());
    }
}
