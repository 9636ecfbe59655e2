using System.CommandLine;
using System.Globalization;
using IvrController.Explaining;
using IvrController.Hosting;
using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Settings;
using IvrController.Rules.Snapshots;
using IvrController.Store.Calls;
using IvrController.Store.Snapshots;
using IvrController.Web.Calls;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl explain outbound|callback</c>: what the controller would do for a call now, and why,
/// computed by the same planners the controller's flows use, on the same rules.
/// </summary>
public static class ExplainCommands
{
    public static Command Build(CliContext context, TimeProvider time)
    {
        return new Command("explain", "Show what the controller would do for a call, and why.")
        {
            BuildOutbound(context, time),
            BuildCallback(context, time),
        };
    }

    private static Command BuildOutbound(CliContext context, TimeProvider time)
    {
        var agent = new Option<string>("--agent") { Description = "The calling agent (SIP user).", Required = true };
        var to = new Option<string>("--to") { Description = "What the agent dials: a number, or a customer ID in customer-ID mode.", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random pick, to reproduce a choice." };
        var command = new Command("outbound", "An agent calls a customer: which of our numbers the customer sees, and what the agent sees.") { agent, to, seed };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            RuleSnapshotBuild build = await RuleLoading.LoadAsync(database, cancellationToken).ConfigureAwait(false);
            RuleSnapshot rules = build.Snapshot;
            // Today as the controller counts it: from midnight in its DayTimeZone, read from the same settings.
            CallCentreDay day = ControllerHost.LoadSettings([]).Day();
            var callsToday = await new CallLog(database).CallsPerCallerNumberSinceAsync(day.StartOfDay(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            var usage = new CallerNumberUsage(new Dictionary<string, int>(), callsToday);
            Random random = parse.GetValue(seed) is { } s ? new Random(s) : Random.Shared;

            OutboundExplanation explained;
            try
            {
                explained = await CallExplanations.OutboundAsync(
                    rules, parse.GetValue(agent)!, parse.GetValue(to)!, usage, random, new TableCustomerIdLookup(() => build.CustomerIds),
                    "calls today come from the call log; live concurrent calls are known only to the running controller and count as 0 here.",
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }

            TextWriter o = context.Output;
            await o.WriteLineAsync($"{explained.Rules}.").ConfigureAwait(false);
            await o.WriteLineAsync($"Agent:          {explained.Agent}").ConfigureAwait(false);
            await o.WriteLineAsync($"Customer:       {explained.Customer}").ConfigureAwait(false);
            await o.WriteLineAsync($"Tiers:          {string.Join("; ", explained.Tiers)}").ConfigureAwait(false);
            await o.WriteLineAsync(explained.CustomerSees is { } sees
                ? $"Customer sees:  {sees}, from tier {explained.Tier}"
                : "Customer sees:  nothing: the call is refused with a prompt to the agent (never the agent's extension)").ConfigureAwait(false);
            await o.WriteLineAsync($"Agent sees:     {explained.AgentSees} ({explained.AgentSeesDetail})").ConfigureAwait(false);
            await o.WriteLineAsync($"Reason:         {explained.Reason}").ConfigureAwait(false);
            foreach (string note in explained.Notes)
            {
                await o.WriteLineAsync($"Note: {note}").ConfigureAwait(false);
            }
        }));
        return command;
    }

    private static Command BuildCallback(CliContext context, TimeProvider time)
    {
        var from = new Option<string>("--from") { Description = "The customer's number (caller).", Required = true };
        var to = new Option<string>("--to") { Description = "Our number the customer dials (DID).", Required = true };
        var unavailable = new Option<bool>("--agent-unavailable") { Description = "Assume the remembered agent is not registered or on a call (presence is known only to the running controller)." };
        var command = new Command("callback", "A customer calls one of our numbers: the remembered agent, or the IVR.") { from, to, unavailable };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            RuleSnapshotBuild build = await RuleLoading.LoadAsync(database, cancellationToken).ConfigureAwait(false);
            RuleSnapshot rules = build.Snapshot;
            bool assumeUnavailable = parse.GetValue(unavailable);
            CallbackExplanation explained;
            try
            {
                explained = await CallExplanations.CallbackAsync(
                    rules, new CallLog(database), parse.GetValue(from)!, parse.GetValue(to)!, time.GetUtcNow(),
                    _ => assumeUnavailable ? new AgentOnSwitch(Registered: false, OnCall: false) : null,
                    new TableCustomerIdLookup(() => build.CustomerIds), cancellationToken).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }

            TextWriter o = context.Output;
            await o.WriteLineAsync($"{explained.Rules}.").ConfigureAwait(false);
            await o.WriteLineAsync($"Call:           {explained.Call}").ConfigureAwait(false);
            await o.WriteLineAsync($"Decision:       {explained.Decision}").ConfigureAwait(false);
            await o.WriteLineAsync($"Then:           {explained.Then}").ConfigureAwait(false);
            if (explained.AgentSees is { } agentSees)
            {
                await o.WriteLineAsync($"Agent sees:     {agentSees}").ConfigureAwait(false);
            }

            if (explained.Menu is { } menu)
            {
                await o.WriteLineAsync($"IVR '{explained.MenuName}':     {menu}").ConfigureAwait(false);
            }
        }));
        return command;
    }
}
