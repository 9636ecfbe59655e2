using System.CommandLine;
using System.Globalization;
using IvrController.Admin;
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
using IvrController.Store.Vocabulary;

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

            OutboundPlan plan;
            try
            {
                plan = await OutboundPlanner.PlanAsync(
                    rules, parse.GetValue(agent)!, parse.GetValue(to)!, usage, random, new TableCustomerIdLookup(() => build.CustomerIds), cancellationToken).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }

            TextWriter o = context.Output;
            await o.WriteLineAsync($"Rules version {rules.Version}, rule {RuleWords.CallerIdRules.Word(rules.Settings.CallerIdRule)}, pick {RuleWords.CandidatePicks.Word(rules.Settings.CandidatePick)}, protection {RuleWords.ProtectionModes.Word(rules.Settings.NumberProtection)}.").ConfigureAwait(false);
            string groups = plan.Agent.OutboundSkillGroupIds.Count == 0 ? "none" : string.Join(", ", plan.Agent.OutboundSkillGroupIds.Order(StringComparer.Ordinal));
            await o.WriteLineAsync($"Agent:          {plan.Agent.Id} ({plan.Agent.Name}), outbound skill groups: {groups}").ConfigureAwait(false);
            await o.WriteLineAsync($"Customer:       {NumberMask.Mask(plan.Customer)} (dialled as {plan.DialledAs}), {rules.Regions.Resolve(plan.Customer)}").ConfigureAwait(false);
            await o.WriteLineAsync($"Tiers:          {string.Join("; ", plan.CallerId.Attempts)}").ConfigureAwait(false);
            if (plan.CallerId is CallerIdDecision decision)
            {
                await o.WriteLineAsync($"Customer sees:  {decision.Number.E164} ({decision.Number.Region?.ToString() ?? "region unknown"}), from tier {decision.Tier}").ConfigureAwait(false);
            }
            else
            {
                await o.WriteLineAsync("Customer sees:  nothing: the call is refused with a prompt to the agent (never the agent's extension)").ConfigureAwait(false);
            }

            await o.WriteLineAsync($"Agent sees:     {plan.AgentSees.Text} ({plan.AgentSees.Detail})").ConfigureAwait(false);
            await o.WriteLineAsync($"Reason:         {plan.CallerId.Reason}").ConfigureAwait(false);
            if (rules.Settings.CandidatePick == CandidatePick.Random && plan.CallerId is CallerIdDecision { CandidateCount: > 1 })
            {
                await o.WriteLineAsync("Note: the pick is random, so the controller may choose another candidate of the same tier.").ConfigureAwait(false);
            }

            await o.WriteLineAsync("Note: calls today come from the call log; live concurrent calls are known only to the running controller and count as 0 here.").ConfigureAwait(false);
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
            CallbackPlan plan;
            try
            {
                plan = await CallbackPlanner.PlanAsync(
                    rules, new CallLog(database), parse.GetValue(from)!, parse.GetValue(to)!, time.GetUtcNow(),
                    _ => assumeUnavailable ? new AgentOnSwitch(Registered: false, OnCall: false) : null,
                    new TableCustomerIdLookup(() => build.CustomerIds), cancellationToken).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }

            TextWriter o = context.Output;
            CallbackSettings callback = rules.Settings.Callback;
            await o.WriteLineAsync($"Rules version {rules.Version}, callback memory {(callback.Enabled ? "on" : "off")}, mode {(int)callback.Mode}, window {DurationText.Format(callback.Window)}, ring timeout {DurationText.Format(callback.RingTimeout)}.").ConfigureAwait(false);
            string ours = rules.TryGetCallerNumber(plan.Dialled, out _) ? "" : " (not one of our numbers)";
            await o.WriteLineAsync($"Call:           {NumberMask.Mask(plan.Caller)} → {plan.Dialled.E164}{ours}").ConfigureAwait(false);
            await o.WriteLineAsync($"Decision:       {plan.Decision.Reason}").ConfigureAwait(false);
            await o.WriteLineAsync($"Then:           {Then(plan)}").ConfigureAwait(false);
            if (plan.Decision.Kind != CallbackDecisionKind.NoMemory)
            {
                await o.WriteLineAsync($"Agent sees:     {plan.AgentSees.Text} as caller-ID name and number ({plan.AgentSees.Detail})").ConfigureAwait(false);
            }

            if (plan.Menu is { } menu)
            {
                string options = string.Join(", ", menu.Options.Select(option => $"{option.Digit} → {option.Action}"));
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"IVR '{menu.Name}':     greeting {menu.Greeting}; {(options.Length == 0 ? "no options" : options)}; after {menu.MaxRetries + 1} tries → {menu.DefaultAction}")).ConfigureAwait(false);
            }
        }));
        return command;
    }

    private static string Then(CallbackPlan plan)
    {
        string ivr = plan.Menu is { } menu ? $"the IVR '{menu.Name}'" : "no IVR (the dialled number names no menu): the call is ended with a prompt";
        string fallback = plan.Decision.Fallback == CallbackFallback.Ivr ? ivr : "the busy prompt, then the call ends";
        string missed = plan.Decision.RecordMissedCallback ? "; a missed callback is recorded for the agent" : "";
        return plan.Decision.Kind switch
        {
            CallbackDecisionKind.NoMemory => ivr,
            CallbackDecisionKind.AgentUnavailable => fallback + missed,
            _ => $"ring agent {plan.Decision.AgentId} for {DurationText.Format(plan.Decision.RingTimeout ?? TimeSpan.Zero)}; unanswered → {fallback}{missed}",
        };
    }

}
