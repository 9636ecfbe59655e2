using System.CommandLine;
using IvrController.Rules.Ivr;

namespace IvrController.Cli;

/// <summary>
/// The options of <c>menus add</c> and <c>menus update</c>. Add requires every prompt, each as a file name, words
/// (spoken in the language they are written in) or a recording; update changes only what is given, and
/// <c>--option</c> replaces all options.
/// </summary>
public sealed class MenuOptions
{
    public MenuOptions(bool adding)
    {
        Greeting = new PromptOption("--greeting", "--greeting-text", "--greeting-recording", "Prompt that lists the choices");
        Invalid = new PromptOption("--invalid", "--invalid-text", "--invalid-recording", "Prompt for a key that is not an option");
        TimeoutPrompt = new PromptOption("--timeout-prompt", "--timeout-text", "--timeout-recording", "Prompt when no key came in time");
        Timeout = new Option<string>("--timeout") { HelpName = "DURATION", Description = "How long to wait for a key, e.g. 5s (1-60 s)" };
        Retries = new Option<int?>("--retries") { HelpName = "N", Description = "Replays after a wrong or missing key before the default action (1-5)" };
        Default = new Option<string>("--default") { HelpName = "ACTION", Description = "After the last retry: hangup, skill_group:GROUP, agent:AGENT or submenu:MENU" };
        Prompts = new PromptOptionSet(Greeting, Invalid, TimeoutPrompt);
        Switch = new OnOffOptions(adding, ": no caller hears it; its numbers answer as numbers without a menu");
        Options = new Option<string[]>("--option")
        {
            HelpName = "KEY=ACTION",
            Description = "KEY=ACTION, e.g. --option \"1=skill_group:sales\", \"9=submenu:billing\", \"*=repeat\", \"0=hangup\"; repeat for each key"
                + (adding ? "" : "; replaces all options"),
        };
    }

    public PromptOption Greeting { get; }

    public PromptOption Invalid { get; }

    public PromptOption TimeoutPrompt { get; }

    public Option<string> Timeout { get; }

    public Option<int?> Retries { get; }

    public Option<string> Default { get; }

    public Option<string[]> Options { get; }

    /// <summary>The three prompts together.</summary>
    public PromptOptionSet Prompts { get; }

    public OnOffOptions Switch { get; }

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[.. Prompts.All, Timeout, Retries, Default, Options, .. Switch.All])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The menu with every given option applied; the rules check the result when it is written.</summary>
    public IvrMenu Apply(ParseResult parse, IvrMenu menu, IReadOnlyDictionary<PromptOption, string?> recordings)
    {
        (string greeting, string? greetingText) = PromptOptionSet.Apply(Greeting, parse, recordings, menu.Greeting, menu.GreetingText);
        (string invalid, string? invalidText) = PromptOptionSet.Apply(Invalid, parse, recordings, menu.InvalidPrompt, menu.InvalidText);
        (string timeoutPrompt, string? timeoutText) = PromptOptionSet.Apply(TimeoutPrompt, parse, recordings, menu.TimeoutPrompt, menu.TimeoutText);
        menu = menu with
        {
            Greeting = greeting,
            GreetingText = greetingText,
            InvalidPrompt = invalid,
            InvalidText = invalidText,
            TimeoutPrompt = timeoutPrompt,
            TimeoutText = timeoutText,
            Timeout = parse.GetValue(Timeout) is { } timeout ? OptionValues.Duration("--timeout", timeout) : menu.Timeout,
            MaxRetries = parse.GetValue(Retries) ?? menu.MaxRetries,
            DefaultAction = parse.GetValue(Default) is { } action ? IvrActionText.ParseAction("--default", action) : menu.DefaultAction,
            Enabled = Switch.Value(parse) ?? menu.Enabled,
        };

        return parse.GetResult(Options) is null
            ? menu
            : menu with { Options = (parse.GetValue(Options) ?? []).Select(o => IvrActionText.ParseOption("--option", o)).ToList() };
    }
}
