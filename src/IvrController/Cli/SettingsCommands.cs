using System.CommandLine;
using IvrController.Admin;
using IvrController.Rules.Callback;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary><c>ivrctl settings show | set …</c>: the controller-wide switches.</summary>
public static class SettingsCommands
{
    public static Command Build(CliContext context)
    {
        var show = new Command("show", "Every setting, one per line, with the survey templates by name.");
        show.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            SettingsView view = await new SettingsAdmin(database, context.Who).GetAsync(cancellationToken).ConfigureAwait(false);
            await SettingsText.Table(view).WriteAsync(context.Output).ConfigureAwait(false);
        }));

        return new Command("settings", "Caller-ID rule, number protection, callback memory and surveys.") { show, BuildSet(context) };
    }

    private static Command BuildSet(CliContext context)
    {
        var callerIdRule = new Option<string>("--caller-id-rule") { HelpName = "skill_group|same_region", Description = "Which of our numbers a customer sees" };
        var candidatePick = new Option<string>("--candidate-pick") { HelpName = "random|least_used_today", Description = "How one number is chosen among the candidates" };
        var protection = new Option<string>("--protection") { HelpName = "mask|customer_id", Description = "What agents see instead of a customer's number" };
        var callback = new Option<string>("--callback") { HelpName = "on|off", Description = "Callback memory: a returning customer reaches the agent who called them" };
        var callbackMode = new Option<int?>("--callback-mode") { HelpName = "1|2", Description = "1 = original agent only; 2 = original agent first, then the IVR" };
        var callbackWindow = new Option<string>("--callback-window") { HelpName = "DURATION", Description = "How far back a caller is matched to their agent, e.g. 72h, 3d, 90m" };
        var ringTimeout = new Option<string>("--callback-ring-timeout") { HelpName = "DURATION", Description = "How long the original agent rings in mode 2, e.g. 20s" };
        var outboundSurvey = new Option<string>("--outbound-survey") { HelpName = "TEMPLATE|none", Description = "Survey template (name or id) after outbound calls, or none" };
        var inboundSurvey = new Option<string>("--inbound-survey") { HelpName = "TEMPLATE|none", Description = "Survey template (name or id) after inbound calls, or none" };

        var set = new Command("set", "Change some settings; the rest stay as they are.")
        {
            callerIdRule, candidatePick, protection, callback, callbackMode, callbackWindow, ringTimeout, outboundSurvey, inboundSurvey,
        };
        set.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            var change = new SettingsChange
            {
                CallerIdRule = parse.GetValue(callerIdRule) is { } rule ? OptionValues.Word(RuleWords.CallerIdRules, "--caller-id-rule", rule) : null,
                CandidatePick = parse.GetValue(candidatePick) is { } pick ? OptionValues.Word(RuleWords.CandidatePicks, "--candidate-pick", pick) : null,
                NumberProtection = parse.GetValue(protection) is { } mode ? OptionValues.Word(RuleWords.ProtectionModes, "--protection", mode) : null,
                CallbackEnabled = parse.GetValue(callback) is { } onOff ? OptionValues.OnOff("--callback", onOff) : null,
                CallbackMode = parse.GetValue(callbackMode) is { } number ? (CallbackMode)number : null,
                CallbackWindow = parse.GetValue(callbackWindow) is { } window ? OptionValues.Duration("--callback-window", window) : null,
                CallbackRingTimeout = parse.GetValue(ringTimeout) is { } ring ? OptionValues.Duration("--callback-ring-timeout", ring) : null,
                OutboundSurvey = Survey("--outbound-survey", parse.GetValue(outboundSurvey)),
                InboundSurvey = Survey("--inbound-survey", parse.GetValue(inboundSurvey)),
            };
            if (change.IsEmpty)
            {
                throw new CliException("Nothing to set: give at least one setting (see 'ivrctl settings set --help').");
            }

            await using var database = context.OpenDatabase(parse);
            SettingsView view = (await new SettingsAdmin(database, context.Who).UpdateAsync(change, cancellationToken).ConfigureAwait(false)).After;

            // Confirm what was asked for, as it now stands.
            var shown = new List<string>();
            Option[] given = [callerIdRule, candidatePick, protection, callback, callbackMode, callbackWindow, ringTimeout, outboundSurvey, inboundSurvey];
            var asked = given.Where(o => parse.GetResult(o) is not null).Select(o => o.Name.TrimStart('-')).ToHashSet(StringComparer.Ordinal);
            foreach ((string label, string value) in SettingsText.Rows(view))
            {
                if (asked.Contains(label))
                {
                    shown.Add($"{label} {value}");
                }
            }

            await context.Output.WriteLineAsync($"Settings updated: {string.Join(", ", shown)}.").ConfigureAwait(false);
        }));
        return set;
    }

    private static SurveyChoice? Survey(string option, string? text) => text switch
    {
        null => null,
        "none" => SurveyChoice.Off,
        _ when string.IsNullOrWhiteSpace(text) => throw new CliException($"{option} needs a template name or id, or none."),
        _ => SurveyChoice.Of(text),
    };
}
