using System.CommandLine;
using IvrController.Admin;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>
/// The options of <c>templates add</c> and <c>templates update</c>. Add requires the direction; each prompt is a
/// file name, words or a recording (<see cref="PromptOption"/>), and a guide left out is made from the keys. Update
/// changes only what is given, and <c>--key</c> replaces all keys.
/// </summary>
public sealed class TemplateOptions
{
    private readonly bool _adding;

    public TemplateOptions(bool adding)
    {
        _adding = adding;
        Direction = new Option<string>("--direction") { HelpName = "outbound|inbound", Description = "Calls the survey follows: outbound or inbound", Required = adding };
        Guide = new PromptOption("--guide", "--guide-text", "--guide-recording", "Prompt that asks for a rating (left out when adding: made from the keys' labels)");
        Closing = new PromptOption("--closing", "--closing-text", "--closing-recording", "Prompt played after the answer, before hang-up");
        Invalid = new PromptOption("--invalid", "--invalid-text", "--invalid-recording", "Prompt for a key that is not one of the keys");
        TimeoutPrompt = new PromptOption("--timeout-prompt", "--timeout-text", "--timeout-recording", "Prompt when no key came in time");
        Timeout = new Option<string>("--timeout") { HelpName = "DURATION", Description = "How long to wait for a key, e.g. 5s (1-60 s)" };
        Retries = new Option<int?>("--retries") { HelpName = "N", Description = "Replays of the guide after a wrong or missing key (1-5)" };
        Language = new Option<string>("--language") { HelpName = "zh-CN|en", Description = "Prompt language (sounds/<language>/)" };
        Keys = new Option<string[]>("--key") { HelpName = "KEY=LABEL:SCORE", Description = "KEY=LABEL:SCORE, e.g. --key \"1=满意:5\"; repeat for each key" + (adding ? "" : "; replaces all keys") };
        Prompts = new PromptOptionSet(Guide, Closing, Invalid, TimeoutPrompt);
        Switch = new OnOffOptions(adding, "");
        Rename = new Option<string>("--rename") { HelpName = "NAME", Description = "New name" };
    }

    public Option<string> Direction { get; }

    public PromptOption Guide { get; }

    public PromptOption Closing { get; }

    public PromptOption Invalid { get; }

    public PromptOption TimeoutPrompt { get; }

    public Option<string> Timeout { get; }

    public Option<int?> Retries { get; }

    public Option<string> Language { get; }

    public Option<string[]> Keys { get; }

    /// <summary>The four prompts together.</summary>
    public PromptOptionSet Prompts { get; }

    public OnOffOptions Switch { get; }

    public Option<string> Rename { get; }

    public void AddTo(Command command)
    {
        Option[] options = _adding
            ? [Direction, .. Prompts.All, Timeout, Retries, Language, Keys, .. Switch.All]
            : [Direction, .. Prompts.All, Timeout, Retries, Language, Keys, .. Switch.All, Rename];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The template with every given option applied; the rules check the result when it is written.</summary>
    public SurveyTemplate Apply(ParseResult parse, SurveyTemplate template, IReadOnlyDictionary<PromptOption, string?> recordings)
    {
        (string guide, string? guideText) = PromptOptionSet.Apply(Guide, parse, recordings, template.GuidePrompt, template.GuideText);
        (string closing, string? closingText) = PromptOptionSet.Apply(Closing, parse, recordings, template.ClosingPrompt, template.ClosingText);
        (string invalid, string? invalidText) = PromptOptionSet.Apply(Invalid, parse, recordings, template.InvalidPrompt, template.InvalidText);
        (string timeoutPrompt, string? timeoutText) = PromptOptionSet.Apply(TimeoutPrompt, parse, recordings, template.TimeoutPrompt, template.TimeoutText);
        if (parse.GetValue(Direction) is { } direction)
        {
            template = template with { Direction = OptionValues.Word(RuleWords.SurveyDirections, "--direction", direction) };
        }

        template = template with
        {
            GuidePrompt = guide,
            GuideText = guideText,
            ClosingPrompt = closing,
            ClosingText = closingText,
            InvalidPrompt = invalid,
            InvalidText = invalidText,
            TimeoutPrompt = timeoutPrompt,
            TimeoutText = timeoutText,
            Timeout = parse.GetValue(Timeout) is { } timeout ? OptionValues.Duration("--timeout", timeout) : template.Timeout,
            Retries = parse.GetValue(Retries) ?? template.Retries,
            Language = parse.GetValue(Language) ?? template.Language,
            Name = _adding ? template.Name : parse.GetValue(Rename) ?? template.Name,
        };

        if (parse.GetResult(Keys) is not null)
        {
            template = template with { Keys = (parse.GetValue(Keys) ?? []).Select(k => SurveyKeyText.Parse("--key", k)).ToList() };
        }

        return Switch.Value(parse) is { } on ? template with { Enabled = on } : template;
    }
}
