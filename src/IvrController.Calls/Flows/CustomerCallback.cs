using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Metrics;
using IvrController.Routing;
using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using IvrController.Store.Calls;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// A customer calls one of our numbers (DESIGN 2.2): the agent who last called them within the
/// window, by mode 1 or 2, else the IVR of the dialled number.
/// </summary>
public sealed class CustomerCallback(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<CustomerCallback>();

    /// <summary>
    /// <see cref="CallFlowKind.Callback"/> once the callback memory named an agent for the caller (whether or not
    /// they took it); <see cref="CallFlowKind.Ivr"/> until then.
    /// </summary>
    public CallFlowKind Route { get; private set; } = CallFlowKind.Ivr;

    /// <summary>Runs the call; returns how it ended. The call log gets one row for it as it ends, however it ends.</summary>
    public async Task<CallOutcome> RunAsync(CallLeg customer, CancellationToken cancellationToken)
    {
        string caller = customer.Channel.CallerIdNumber ?? "";
        string dialled = customer.Variable(ChannelVariables.DialledNumber) ?? customer.Channel.DestinationNumber ?? "";
        var call = new InboundCallNote(context.Time.GetUtcNow(), caller, dialled);
        string outcome = InboundCallRecord.Faulted;
        try
        {
            CallOutcome ended = await RouteAsync(customer, caller, dialled, call, cancellationToken).ConfigureAwait(false);
            outcome = Label(ended.Kind);
            call.AgentId = ended.AgentId;
            return ended;
        }
        catch (EslChannelHangupException)
        {
            outcome = InboundCallRecord.CallerHungUp;
            throw;
        }
        finally
        {
            // One write per call, after it: nothing on the way to the agent or the menu waits for it.
            await context.Recorder.RecordInboundCallAsync(
                new InboundCallRecord(
                    customer.CallId, call.Planned ? call.Customer : Normalized(call.Customer), call.Planned ? call.Called : Normalized(call.Called), call.RememberedAgent is null ? InboundCallRecord.IvrRoute : InboundCallRecord.CallbackRoute,
                    call.RememberedAgent, call.AgentId, outcome, call.StartedAt, context.Time.GetUtcNow(), context.SwitchOf(customer)),
                CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<CallOutcome> RouteAsync(CallLeg customer, string caller, string dialled, InboundCallNote call, CancellationToken cancellationToken)
    {
        RuleSnapshot rules = context.Rules();
        Guid callId = customer.CallId;

        CallbackPlan plan;
        try
        {
            plan = await CallbackPlanner.PlanAsync(
                rules, context.Memory, caller, dialled, context.Time.GetUtcNow(), context.Presence.OnSwitch, context.CustomerIds, cancellationToken).ConfigureAwait(false);
        }
        catch (RoutingException e)
        {
            // An anonymous or foreign caller has no memory; the dialled number still has its IVR.
            _logger.LogInformation("Call {CallId} from {Caller}: {Problem}; no callback memory", callId, NumberMask.MaskRaw(caller), e.Message);
            var did = Rules.Numbers.ChineseNumberNormalizer.Default.TryNormalize(dialled, out var number, out _) ? number : null;
            return await new IvrCall(context).RunAsync(customer, rules, did is null ? null : rules.MenuForDialledNumber(did), caller, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogInformation("Call {CallId} (rules v{Version}): {Reason}", callId, rules.Version, plan.Decision.Reason);
        (call.Customer, call.Called, call.RememberedAgent, call.Planned) = (plan.Caller.E164, plan.Dialled.E164, plan.Decision.AgentId, true);
        Route = plan.Decision.AgentId is null ? CallFlowKind.Ivr : CallFlowKind.Callback;
        string customerE164 = plan.Caller.E164;
        switch (plan.Decision.Kind)
        {
            case CallbackDecisionKind.NoMemory:
                return await new IvrCall(context).RunAsync(customer, rules, plan.Menu, customerE164, cancellationToken).ConfigureAwait(false);

            case CallbackDecisionKind.AgentUnavailable:
                return await FallBackAsync(customer, rules, plan, customerE164, cancellationToken).ConfigureAwait(false);
        }

        string agentId = plan.Decision.AgentId!;
        AgentRinging.Result rung = await AgentRinging.RingAsync(
            customer, [agentId], plan.AgentSees, plan.Decision.RingTimeout ?? rules.Settings.Callback.RingTimeout, callId, context.Options, context.Locator, cancellationToken).ConfigureAwait(false);
        if (rung.Answered)
        {
            await new AfterAgentConversation(context).FinishAsync(customer, rules, agentId, customerE164, cancellationToken).ConfigureAwait(false);
            return CallOutcome.AgentAnswered(agentId);
        }

        _logger.LogInformation("Call {CallId}: agent {Agent} did not take the callback ({Disposition})", callId, agentId, rung.Disposition);
        return await FallBackAsync(customer, rules, plan, customerE164, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CallOutcome> FallBackAsync(CallLeg customer, RuleSnapshot rules, CallbackPlan plan, string customerE164, CancellationToken cancellationToken)
    {
        if (plan.Decision.RecordMissedCallback)
        {
            await context.Recorder.RecordMissedCallbackAsync(
                new MissedCallbackRecord(plan.Decision.AgentId!, customerE164, plan.Dialled.E164, context.Time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }

        if (plan.Decision.Fallback == CallbackFallback.Ivr)
        {
            return await new IvrCall(context).RunAsync(customer, rules, plan.Menu, customerE164, cancellationToken).ConfigureAwait(false);
        }

        customer.AnswerWithNext();
        await customer.PlayThenHangUpAsync(Prompts.AgentBusy, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
        return CallOutcome.NoAgent($"agent {plan.Decision.AgentId} busy: missed callback recorded");
    }

    /// <summary>The call log's word for how a customer's call ended.</summary>
    private static string Label(CallOutcomeKind kind) => kind switch
    {
        CallOutcomeKind.AgentAnswered => "agent_answered",
        CallOutcomeKind.NoAgent => "no_agent",
        CallOutcomeKind.EndedInMenu => "ended_in_menu",
        _ => InboundCallRecord.Faulted,
    };

    /// <summary>E.164 when the number normalises, else the raw text as the switch gave it (stored, never logged).</summary>
    private static string Normalized(string raw) =>
        ChineseNumberNormalizer.Default.TryNormalize(raw, out PhoneNumber? number, out _) ? number.E164 : raw;

    /// <summary>
    /// What the call log's row of this call learns along the way: the numbers as the switch gave them, E.164 once
    /// the plan has normalised them (a caller that does not normalise stays raw: stored, never logged).
    /// </summary>
    private sealed class InboundCallNote(DateTimeOffset startedAt, string customer, string called)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public string Customer { get; set; } = customer;

        public string Called { get; set; } = called;

        public string? RememberedAgent { get; set; }

        /// <summary>The plan normalised the numbers; otherwise (no plan: a caller that does not normalise, a fault) the row does it.</summary>
        public bool Planned { get; set; }

        public string? AgentId { get; set; }
    }
}
