using System.Globalization;
using IvrController.Cli;
using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using IvrController.Store.Vocabulary;
using IvrController.Web.Calls;

namespace IvrController.Explaining;

/// <summary>
/// What explain says, for <c>ivrctl explain</c> and the console's Explain page alike: the planners the flows use
/// decide, this puts their plan into sentences (customers' numbers masked). Bad input throws <see cref="RoutingException"/>.
/// </summary>
public static class CallExplanations
{
    public const string RandomPickNote = "the pick is random, so the controller may choose another candidate of the same tier.";

    public static async Task<OutboundExplanation> OutboundAsync(
        RuleSnapshot rules, string agentId, string dialled, ICallerNumberUsage usage, Random random, ICustomerIdLookup? customerIds,
        string usageNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        OutboundPlan plan = await OutboundPlanner.PlanAsync(rules, agentId, dialled, usage, random, customerIds, cancellationToken).ConfigureAwait(false);
        string groups = plan.Agent.OutboundSkillGroupIds.Count == 0 ? "none" : string.Join(", ", plan.Agent.OutboundSkillGroupIds.Order(StringComparer.Ordinal));
        var decision = plan.CallerId as CallerIdDecision;
        var notes = new List<string>();
        if (rules.Settings.CandidatePick == CandidatePick.Random && decision is { CandidateCount: > 1 })
        {
            notes.Add(RandomPickNote);
        }

        notes.Add(usageNote);
        return new OutboundExplanation(
            $"Rules version {rules.Version}, rule {RuleWords.CallerIdRules.Word(rules.Settings.CallerIdRule)}, pick {RuleWords.CandidatePicks.Word(rules.Settings.CandidatePick)}, protection {RuleWords.ProtectionModes.Word(rules.Settings.NumberProtection)}",
            $"{plan.Agent.Id} ({plan.Agent.Name}), outbound skill groups: {groups}",
            $"{NumberMask.Mask(plan.Customer)} (dialled as {plan.DialledAs}), {rules.Regions.Resolve(plan.Customer)}",
            [.. plan.CallerId.Attempts.Select(attempt => attempt.ToString())],
            decision is null ? null : $"{decision.Number.E164} ({decision.Number.Region?.ToString() ?? "region unknown"})",
            decision?.Tier.ToString(),
            plan.AgentSees.Text,
            plan.AgentSees.Detail,
            plan.CallerId.Reason,
            notes);
    }

    public static async Task<CallbackExplanation> CallbackAsync(
        RuleSnapshot rules, ICallbackMemoryStore memory, string caller, string dialled, DateTimeOffset now,
        Func<string, AgentOnSwitch?> presence, ICustomerIdLookup? customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CallbackPlan plan = await CallbackPlanner.PlanAsync(rules, memory, caller, dialled, now, presence, customerIds, cancellationToken).ConfigureAwait(false);
        CallbackSettings callback = rules.Settings.Callback;
        string ours = rules.TryGetCallerNumber(plan.Dialled, out CallerNumber? dialledNumber) ? "" : " (not one of our numbers)";
        string? disabledMenu = plan.Menu is null && dialledNumber?.IvrMenu is { } named && rules.Menus.TryGet(named, out IvrMenu? off) && !off.Enabled
            ? named
            : null;
        string? menu = plan.Menu is { } m
            ? string.Create(CultureInfo.InvariantCulture,
                $"greeting {m.Greeting}; {(m.Options.Count == 0 ? "no options" : string.Join(", ", m.Options.Select(option => $"{option.Digit} → {option.Action}")))}; after {m.MaxRetries + 1} tries → {m.DefaultAction}")
            : null;
        return new CallbackExplanation(
            $"Rules version {rules.Version}, callback memory {(callback.Enabled ? "on" : "off")}, mode {(int)callback.Mode}, window {DurationText.Format(callback.Window)}, ring timeout {DurationText.Format(callback.RingTimeout)}",
            $"{NumberMask.Mask(plan.Caller)} → {plan.Dialled.E164}{ours}",
            plan.Decision.Reason,
            Then(plan, disabledMenu),
            plan.Decision.Kind == CallbackDecisionKind.NoMemory ? null : $"{plan.AgentSees.Text} as caller-ID name and number ({plan.AgentSees.Detail})",
            plan.Menu?.Name,
            menu);
    }

    private static string Then(CallbackPlan plan, string? disabledMenu)
    {
        string ivr = (plan.Menu, disabledMenu) switch
        {
            ({ } menu, _) => $"the IVR '{menu.Name}'",
            (null, { } disabled) => $"no IVR (the dialled number's menu '{disabled}' is disabled): the call is ended with a prompt",
            _ => "no IVR (the dialled number names no menu): the call is ended with a prompt",
        };
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
