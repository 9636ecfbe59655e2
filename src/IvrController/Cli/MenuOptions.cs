using System.CommandLine;
using IvrController.Rules.Ivr;

namespace IvrController.Cli;

/// <summary>
/// The options of <c>menus add</c> and <c>menus update</c>. Add requires the prompts; update changes only
/// what is given, and <c>--option</c> replaces all options.
/// </summary>
public sealed class MenuOptions
{
    public MenuOptions(bool adding)
    {
        Greeting = new Option<string>("--greeting") { HelpName = "PROMPT", Description = "Prompt that lists the choices (a name under sounds/<language>/)", Required = adding };
        Invalid = new Option<string>("--invalid") { HelpName = "PROMPT", Description = "Prompt for a key that is not an option", Required = adding };
        TimeoutPrompt = new Option<string>("--timeout-prompt") { HelpName = "PROMPT", Description = "Prompt when no key came in time", Required = adding };
        Timeout = new Option<string>("--timeout") { HelpName = "DURATION", Description = "How long to wait for a key, e.g. 5s (1-60 s)" };
        Retries = new Option<int?>("--retries") { HelpName = "N", Description = "Replays after a wrong or missing key before the default action (1-5)" };
        Default = new Option<string>("--default") { HelpName = "ACTION", Description = "After the last retry: hangup, skill_group:GROUP, agent:AGENT or submenu:MENU" };
        Options = new Option<string[]>("--option")
        {
            HelpName = "KEY=ACTION",
            Description = "KEY=ACTION, e.g. --option \"1=skill_group:sales\", \"9=submenu:billing\", \"*=repeat\", \"0=hangup\"; repeat for each key"
                + (adding ? "" : "; replaces all options"),
        };
    }

    public Option<string> Greeting { get; }

    public Option<string> Invalid { get; }

    public Option<string> TimeoutPrompt { get; }

    public Option<string> Timeout { get; }

    public Option<int?> Retries { get; }

    public Option<string> Default { get; }

    public Option<string[]> Options { get; }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Greeting, Invalid, TimeoutPrompt, Timeout, Retries, Default, Options })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The menu with every given option applied; the rules check the result when it is written.</summary>
    public IvrMenu Apply(ParseResult parse, IvrMenu menu)
    {
        menu = menu with
        {
            Greeting = parse.GetValue(Greeting) ?? menu.Greeting,
            InvalidPrompt = parse.GetValue(Invalid) ?? menu.InvalidPrompt,
            TimeoutPrompt = parse.GetValue(TimeoutPrompt) ?? menu.TimeoutPrompt,
            Timeout = parse.GetValue(Timeout) is { } timeout ? OptionValues.Duration("--timeout", timeout) : menu.Timeout,
            MaxRetries = parse.GetValue(Retries) ?? menu.MaxRetries,
            DefaultAction = parse.GetValue(Default) is { } action ? IvrActionText.ParseAction("--default", action) : menu.DefaultAction,
        };

        return parse.GetResult(Options) is null
            ? menu
            : menu with { Options = (parse.GetValue(Options) ?? []).Select(o => IvrActionText.ParseOption("--option", o)).ToList() };
    }
}
