using System.CommandLine;
using IvrController.Admin;
using IvrController.Admin.Prompts;
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
        Disabled = new Option<bool>("--disabled") { Description = adding ? "Add it switched off" : "Switch it off" };
        Enabled = new Option<bool>("--enabled") { Description = "Switch it on" };
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

    public Option<bool> Disabled { get; }

    public Option<bool> Enabled { get; }

    public Option<string> Rename { get; }

    public void AddTo(Command command)
    {
        Option[] prompts = [.. Guide.All, .. Closing.All, .. Invalid.All, .. TimeoutPrompt.All];
        Option[] options = _adding
            ? [Direction, .. prompts, Timeout, Retries, Language, Keys, Disabled]
            : [Direction, .. prompts, Timeout, Retries, Language, Keys, Enabled, Disabled, Rename];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Takes every recording given into the prompts directory; pass the result to <see cref="Apply"/>.</summary>
    public async Task<IReadOnlyDictionary<PromptOption, string?>> TakeRecordingsAsync(ParseResult parse, PromptStudio? studio, CancellationToken cancellationToken)
    {
        var recordings = new Dictionary<PromptOption, string?>();
        foreach (PromptOption prompt in new[] { Guide, Closing, Invalid, TimeoutPrompt })
        {
            recordings[prompt] = await prompt.TakeRecordingAsync(parse, studio, cancellationToken).ConfigureAwait(false);
        }

        return recordings;
    }

    /// <summary>The template with every given option applied; the rules check the result when it is written.</summary>
    public SurveyTemplate Apply(ParseResult parse, SurveyTemplate template, IReadOnlyDictionary<PromptOption, string?> recordings)
    {
        (string guide, string? guideText) = Guide.Apply(parse, recordings.GetValueOrDefault(Guide), template.GuidePrompt, template.GuideText);
        (string closing, string? closingText) = Closing.Apply(parse, recordings.GetValueOrDefault(Closing), template.ClosingPrompt, template.ClosingText);
        (string invalid, string? invalidText) = Invalid.Apply(parse, recordings.GetValueOrDefault(Invalid), template.InvalidPrompt, template.InvalidText);
        (string timeoutPrompt, string? timeoutText) = TimeoutPrompt.Apply(parse, recordings.GetValueOrDefault(TimeoutPrompt), template.TimeoutPrompt, template.TimeoutText);
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

        bool? enabled = OptionValues.Enabled(!_adding && parse.GetValue(Enabled), parse.GetValue(Disabled));
        return enabled is { } on ? template with { Enabled = on } : template;
    }
}
