using System.CommandLine;

namespace IvrController.Cli;

/// <summary>The verbs of <c>ivrctl</c>. Each group of verbs adds itself here.</summary>
public static class IvrctlCommands
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("IvrController: call control for outbound call centres on FreeSWITCH, and its admin tool.")
        {
            CliContext.DatabaseOption,
            CliContext.PromptsDirectoryOption,
            CliContext.PromptsSwitchDirectoryOption,
            DatabaseCommands.Build(context),
            AgentCommands.Build(context),
            SkillGroupCommands.Build(context),
            NumberCommands.Build(context),
            RegionCommands.Build(context),
            CustomerCommands.Build(context),
            SettingsCommands.Build(context),
            TemplateCommands.Build(context),
            MenuCommands.Build(context),
            RulesCommands.Build(context),
            ServeCommand.Build(context),
            CallCommands.Build(context),
            ExplainCommands.Build(context, context.Time),
            ConsoleAccountCommands.Build(context),
        };
        foreach (Command report in ReportCommands.Build(context, context.Time))
        {
            root.Subcommands.Add(report);
        }

        return root;
    }

    /// <summary>Parses and runs; a malformed command line exits with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ParseResult parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"ivrctl: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run 'ivrctl --help' for the verbs and their options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken).ConfigureAwait(false);
    }
}
