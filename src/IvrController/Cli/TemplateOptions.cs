using System.CommandLine;
using IvrController.Admin;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>
/// The options of <c>templates add</c> and <c>templates update</c>. Add requires the direction and the
/// prompts; update changes only what is given, and <c>--key</c> replaces all keys.
/// </summary>
public sealed class TemplateOptions
{
    private readonly bool _adding;

    public TemplateOptions(bool adding)
    {
        _adding = adding;
        Direction = new Option<string>("--direction") { HelpName = "outbound|inbound", Description = "Calls the survey follows: outbound or inbound", Required = adding };
        Guide = new Option<string>("--guide") { HelpName = "PROMPT", Description = "Prompt that asks for a rating (a name under sounds/<language>/)", Required = adding };
        Closing = new Option<string>("--closing") { HelpName = "PROMPT", Description = "Prompt played after the answer, before hang-up", Required = adding };
        Invalid = new Option<string>("--invalid") { HelpName = "PROMPT", Description = "Prompt for a key that is not one of the keys", Required = adding };
        TimeoutPrompt = new Option<string>("--timeout-prompt") { HelpName = "PROMPT", Description = "Prompt when no key came in time", Required = adding };
        Timeout = new Option<string>("--timeout") { HelpName = "DURATION", Description = "How long to wait for a key, e.g. 5s (1-60 s)" };
        Retries = new Option<int?>("--retries") { HelpName = "N", Description = "Replays of the guide after a wrong or missing key (1-5)" };
        Language = new Option<string>("--language") { HelpName = "zh-CN|en", Description = "Prompt language (sounds/<language>/)" };
        Keys = new Option<string[]>("--key") { HelpName = "KEY=LABEL:SCORE", Description = "KEY=LABEL:SCORE, e.g. --key \"1=满意:5\"; repeat for each key" + (adding ? "" : "; replaces all keys") };
        Disabled = new Option<bool>("--disabled") { Description = adding ? "Add it switched off" : "Switch it off" };
        Enabled = new Option<bool>("--enabled") { Description = "Switch it on" };
        Rename = new Option<string>("--rename") { HelpName = "NAME", Description = "New name" };
    }

    public Option<string> Direction { get; }

    public Option<string> Guide { get; }

    public Option<string> Closing { get; }

    public Option<string> Invalid { get; }

    public Option<string> TimeoutPrompt { get; }

    public Option<string> Timeout { get; }

    public Option<int?> Retries { get; }

    public Option<string> Language { get; }

    public Option<string[]> Keys { get; }

    public Option<bool> Disabled { get; }

    public Option<bool> Enabled { get; }

    public Option<string> Rename { get; }

    public void AddTo(Command command)
    {
        Option[] options = _adding
            ? [Direction, Guide, Closing, Invalid, TimeoutPrompt, Timeout, Retries, Language, Keys, Disabled]
            : [Direction, Guide, Closing, Invalid, TimeoutPrompt, Timeout, Retries, Language, Keys, Enabled, Disabled, Rename];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The template with every given option applied; the rules check the result when it is written.</summary>
    public SurveyTemplate Apply(ParseResult parse, SurveyTemplate template)
    {
        if (parse.GetValue(Direction) is { } direction)
        {
            template = template with { Direction = OptionValues.Word(RuleWords.SurveyDirections, "--direction", direction) };
        }

        template = template with
        {
            GuidePrompt = parse.GetValue(Guide) ?? template.GuidePrompt,
            ClosingPrompt = parse.GetValue(Closing) ?? template.ClosingPrompt,
            InvalidPrompt = parse.GetValue(Invalid) ?? template.InvalidPrompt,
            TimeoutPrompt = parse.GetValue(TimeoutPrompt) ?? template.TimeoutPrompt,
            Timeout = parse.GetValue(Timeout) is { } timeout ? OptionValues.Duration("--timeout", timeout) : template.Timeout,
            Retries = parse.GetValue(Retries) ?? template.Retries,
            Language = parse.GetValue(Language) ?? template.Language,
            Name = _adding ? template.Name : parse.GetValue(Rename) ?? template.Name,
        };

        if (parse.GetResult(Keys) is not null)
        {
            template = template with { Keys = (parse.GetValue(Keys) ?? []).Select(k => SurveyKeyText.Parse("--key", k)).ToList() };
        }

        bool? enabled = OptionValues.Enabled(!_adding && parse.GetValue(Enabled), parse.GetValue(Disabled));
        return enabled is { } on ? template with { Enabled = on } : template;
    }
}
