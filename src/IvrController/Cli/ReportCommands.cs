using System.CommandLine;
using System.Globalization;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Store.Calls;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl calls</c> and <c>ivrctl surveys</c>: what happened, with customers' numbers masked. A call names the switch
/// it ran on ("-" for calls from before switches were recorded).
/// </summary>
public static class ReportCommands
{
    public static IEnumerable<Command> Build(CliContext context, TimeProvider time)
    {
        yield return BuildCalls(context, time);
        yield return BuildSurveys(context, time);
    }

    private static Command BuildCalls(CliContext context, TimeProvider time)
    {
        var (since, agent, limit) = Filters("24h");
        var direction = new Option<string>("--direction")
        {
            Description = "outbound, inbound (callbacks and IVR calls) or all.",
            DefaultValueFactory = _ => "all",
        };
        var command = new Command("calls", "Calls, outbound and inbound, newest first (customer numbers masked).") { since, agent, limit, direction };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            DateTimeOffset from = time.GetUtcNow() - DurationText.Parse(parse.GetValue(since)!, "--since");
            int max = Limit(parse.GetValue(limit));
            string? kind = parse.GetValue(direction) switch
            {
                "all" => null,
                "outbound" => "outbound",
                "inbound" => "inbound",
                var other => throw new CliException($"--direction '{other}' is not outbound, inbound or all."),
            };
            await using var database = context.OpenDatabase(parse);
            var calls = await new CallReports(database).CallsAsync(from, time.GetUtcNow().AddMinutes(1), kind, parse.GetValue(agent), max, cancellationToken).ConfigureAwait(false);
            var table = new TextTable("started (UTC)", "kind", "agent", "customer", "our number", "tier", "outcome", "duration", "switch");
            foreach (CallHistoryRow call in calls)
            {
                table.Add(
                    Time(call.StartedAt), call.Kind, call.AgentId ?? "-", Masked(call.CustomerNumber), call.OurNumber ?? "-", call.Tier ?? "-", call.Outcome ?? "-",
                    call.DurationSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s") : "-", call.SwitchName ?? "-");
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{calls.Count} call(s) since {Time(from.UtcDateTime)}{(calls.Count == max ? $" (limit {max} reached)" : "")}.").ConfigureAwait(false);
        }));
        return command;
    }

    private static Command BuildSurveys(CliContext context, TimeProvider time)
    {
        var (since, agent, limit) = Filters("7d");
        var command = new Command("surveys", "Survey results, newest first, with a summary (customer numbers masked).") { since, agent, limit };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            DateTimeOffset from = time.GetUtcNow() - DurationText.Parse(parse.GetValue(since)!, "--since");
            int max = Limit(parse.GetValue(limit));
            await using var database = context.OpenDatabase(parse);
            var results = await new CallLog(database).SurveyResultsAsync(from, parse.GetValue(agent), max, cancellationToken).ConfigureAwait(false);
            var table = new TextTable("started (UTC)", "template", "agent", "customer", "outcome", "key", "label", "score");
            foreach (SurveyReportRow result in results)
            {
                table.Add(
                    Time(result.StartedAt), result.TemplateName, result.AgentId ?? "-", Masked(result.CustomerNumber), result.Outcome,
                    result.Digit ?? "-", result.Label ?? "-", result.Score?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
            int rated = results.Count(r => r.Outcome == "rated");
            string average = rated == 0 ? "-" : results.Where(r => r.Score is not null).Average(r => r.Score!.Value).ToString("0.00", CultureInfo.InvariantCulture);
            await context.Output.WriteLineAsync(
                $"{results.Count} survey(s) since {Time(from.UtcDateTime)}: {rated} rated, {results.Count(r => r.Outcome == "no_answer")} no answer, " +
                $"{results.Count(r => r.Outcome == "invalid")} invalid; average score {average}{(results.Count == max ? $" (limit {max} reached)" : "")}.").ConfigureAwait(false);
        }));
        return command;
    }

    private static (Option<string> Since, Option<string?> Agent, Option<int> Limit) Filters(string defaultSince) =>
        (new Option<string>("--since") { Description = "How far back (90m, 24h, 7d).", DefaultValueFactory = _ => defaultSince },
         new Option<string?>("--agent") { Description = "Only this agent." },
         new Option<int>("--limit") { Description = "At most this many rows (1-10000).", DefaultValueFactory = _ => 100 });

    private static int Limit(int limit) =>
        limit is >= 1 and <= 10_000 ? limit : throw new CliException($"--limit {limit} is outside 1-10000.");

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Masked(string number) => NumberMask.MaskText(number);
}
