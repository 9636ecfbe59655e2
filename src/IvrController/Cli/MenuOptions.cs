using System.CommandLine;
using IvrController.Admin.Prompts;
using IvrController.Rules.Ivr;

namespace IvrController.Cli;

/// <summary>
/// The options of <c>menus add</c> and <c>menus update</c>. Add requires every prompt, each as a file name, words
/// (spoken in the language they are written in) or a recording; update changes only what is given, and
/// <c>--option</c> replaces all options.
/// </summary>
public sealed class MenuOptions
{
    private readonly bool _adding;

    public MenuOptions(bool adding)
    {
        Greeting = new PromptOption("--greeting", "--greeting-text", "--greeting-recording", "Prompt that lists the choices");
        Invalid = new PromptOption("--invalid", "--invalid-text", "--invalid-recording", "Prompt for a key that is not an option");
        TimeoutPrompt = new PromptOption("--timeout-prompt", "--timeout-text", "--timeout-recording", "Prompt when no key came in time");
        Timeout = new Option<string>("--timeout") { HelpName = "DURATION", Description = "How long to wait for a key, e.g. 5s (1-60 s)" };
        Retries = new Option<int?>("--retries") { HelpName = "N", Description = "Replays after a wrong or missing key before the default action (1-5)" };
        Default = new Option<string>("--default") { HelpName = "ACTION", Description = "After the last retry: hangup, skill_group:GROUP, agent:AGENT or submenu:MENU" };
        Disabled = new Option<bool>("--disabled") { Description = adding ? "Add it switched off: no caller hears it" : "Switch it off: its numbers answer as numbers without a menu" };
        Enabled = new Option<bool>("--enabled") { Description = "Switch it on" };
        _adding = adding;
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

    public Option<bool> Enabled { get; }

    public Option<bool> Disabled { get; }

    public void AddTo(Command command)
    {
        Option[] all = _adding
            ? [.. Greeting.All, .. Invalid.All, .. TimeoutPrompt.All, Timeout, Retries, Default, Options, Disabled]
            : [.. Greeting.All, .. Invalid.All, .. TimeoutPrompt.All, Timeout, Retries, Default, Options, Enabled, Disabled];
        foreach (Option option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Takes every recording given into the prompts directory; pass the result to <see cref="Apply"/>.</summary>
    public async Task<IReadOnlyDictionary<PromptOption, string?>> TakeRecordingsAsync(ParseResult parse, PromptStudio? studio, CancellationToken cancellationToken)
    {
        var recordings = new Dictionary<PromptOption, string?>();
        foreach (PromptOption prompt in new[] { Greeting, Invalid, TimeoutPrompt })
        {
            recordings[prompt] = await prompt.TakeRecordingAsync(parse, studio, cancellationToken).ConfigureAwait(false);
        }

        return recordings;
    }

    /// <summary>The menu with every given option applied; the rules check the result when it is written.</summary>
    public IvrMenu Apply(ParseResult parse, IvrMenu menu, IReadOnlyDictionary<PromptOption, string?> recordings)
    {
        (string greeting, string? greetingText) = Greeting.Apply(parse, recordings.GetValueOrDefault(Greeting), menu.Greeting, menu.GreetingText);
        (string invalid, string? invalidText) = Invalid.Apply(parse, recordings.GetValueOrDefault(Invalid), menu.InvalidPrompt, menu.InvalidText);
        (string timeoutPrompt, string? timeoutText) = TimeoutPrompt.Apply(parse, recordings.GetValueOrDefault(TimeoutPrompt), menu.TimeoutPrompt, menu.TimeoutText);
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
            Enabled = OptionValues.Enabled(!_adding && parse.GetValue(Enabled), parse.GetValue(Disabled)) ?? menu.Enabled,
        };

        return parse.GetResult(Options) is null
            ? menu
            : menu with { Options = (parse.GetValue(Options) ?? []).Select(o => IvrActionText.ParseOption("--option", o)).ToList() };
    }
}
