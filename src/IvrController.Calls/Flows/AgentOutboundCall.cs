using System.Globalization;
using IvrController.Cluster;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Routing;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using IvrController.Rules.Surveys;
using IvrController.Store.Calls;
using IvrController.Store.Vocabulary;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// An agent calls a customer (DESIGN 2.1): caller ID by rule, the agent's display masked, the call
/// recorded as callback memory, the bridge through the carrier gateway, the survey hand-back
/// when the agent hangs up first, and a prompt for failures.
/// </summary>
public sealed class AgentOutboundCall(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<AgentOutboundCall>();

    /// <summary>Runs the call; returns how it ended.</summary>
    public async Task<CallOutcome> RunAsync(CallLeg agentLeg, CancellationToken cancellationToken)
    {
        RuleSnapshot rules = context.Rules();
        Guid callId = agentLeg.CallId;
        // Only a leg click-to-call originated may name its agent and customer in variables; a phone's
        // own call is the authenticated SIP user dialling a number.
        bool clickToCall = agentLeg.Variable(ChannelVariables.Entry) == "click_to_call";
        string? agentId = clickToCall
            ? agentLeg.Variable(ChannelVariables.AgentId)
            : agentLeg.Variable(ChannelVariables.SipAuthUsername) ?? agentLeg.Channel.Username;
        string dialled = (clickToCall ? agentLeg.Variable(ChannelVariables.ClickToCallCustomer) : agentLeg.Variable(ChannelVariables.DialledNumber) ?? agentLeg.Channel.DestinationNumber) ?? "";

        OutboundPlan plan;
        try
        {
            plan = await OutboundPlanner.PlanAsync(rules, agentId ?? "", dialled, context.Usage, context.Random, context.CustomerIds, cancellationToken).ConfigureAwait(false);
        }
        catch (RoutingException e)
        {
            _logger.LogWarning("Call {CallId} from agent {Agent} refused: {Problem}", callId, agentId ?? "(unknown)", e.Message);
            bool unknownAgent = agentId is null || !rules.TryGetAgent(agentId, out _);
            string prompt = unknownAgent ? Prompts.CallFailed
                : rules.Settings.NumberProtection == NumberProtectionMode.CustomerId ? Prompts.CustomerNotFound : Prompts.InvalidNumber;
            await RefuseAsync(agentLeg, prompt, unknownAgent ? HangupCauses.CallRejected : HangupCauses.InvalidNumberFormat, cancellationToken).ConfigureAwait(false);
            return CallOutcome.Refused(e.Message);
        }

        HeldSlot? slot = null;
        if (plan.CallerId is CallerIdDecision && context.SharedNumbers is { } shared)
        {
            // The database has the last word on the caps: a number another controller filled is chosen again here.
            CallerNumberClaim claim = await shared.ClaimAsync(callId, plan, rules, context.Random, cancellationToken).ConfigureAwait(false);
            plan = plan with { CallerId = claim.Outcome };
            slot = claim.Slot;
        }

        // The outcome the call goes on with: after the shared caps had their say, when they do.
        context.Metrics.CallerIdDecided(plan.CallerId, plan.CallerIdTicks);

        if (plan.CallerId is not CallerIdDecision decision)
        {
            // Never fall back to the agent's extension: customers would see an internal number.
            _logger.LogError("Call {CallId} from agent {Agent} (rules v{Version}): {Reason}", callId, plan.Agent.Id, plan.RulesVersion, plan.CallerId.Reason);
            await context.Recorder.RecordOutboundCallAsync(Record(callId, plan, null, agentLeg), CancellationToken.None).ConfigureAwait(false);
            await RefuseAsync(agentLeg, Prompts.NoCallerNumber, HangupCauses.NormalTemporaryFailure, cancellationToken).ConfigureAwait(false);
            return CallOutcome.Refused("no caller number");
        }

        _logger.LogInformation("Call {CallId} (rules v{Version}): {Reason}; agent sees {Display}", callId, plan.RulesVersion, decision.Reason, plan.AgentSees.Text);
        string display = plan.AgentSees.Text;
        agentLeg.SetWithNext(
            [
                new(ChannelVariables.EffectiveCalleeIdNumber, display),
                new(ChannelVariables.EffectiveCalleeIdName, display),
                new(ChannelVariables.HangupAfterBridge, "true"),
                new(ChannelVariables.ContinueOnFail, "true"),
            ]);

        // The call's row is written while the bridge goes out: the database's round trip and the switch's overlap, and a
        // slow database (the journal takes the row after its deadline) no longer holds up the customer's phone. The row
        // is written before the end is, on every path (awaited below); a failure to write it is the flow's, as before.
        Task recorded = context.Recorder.RecordOutboundCallAsync(Record(callId, plan, decision, agentLeg), CancellationToken.None);
        DialString target = Target(callId, plan, decision, rules.OutboundSurvey);

        string disposition;
        try
        {
            using (slot ?? context.Usage.Begin(decision.Number.E164))
            {
                try
                {
                    // The execute is on the socket when BridgeAsync returns its task (the write is synchronous unless the pipe is full).
                    Task<ApplicationResult> bridging = agentLeg.BridgeAsync(target, cancellationToken);
                    context.Metrics.BridgeSent(agentLeg.Session.ConnectedAt);
                    using ApplicationResult result = await bridging.ConfigureAwait(false);
                    disposition = result.OriginateDisposition ?? result.Response ?? "UNKNOWN";
                }
                catch (EslChannelHangupException)
                {
                    // The agent hung up (during ringing or after talking) before the bridge reported back.
                    disposition = agentLeg.Session.HangupCause ?? HangupCauses.NormalClearing;
                    await recorded.ConfigureAwait(false);
                    await RecordEndAsync(callId, disposition).ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            await recorded.ConfigureAwait(false);
        }

        await RecordEndAsync(callId, disposition).ConfigureAwait(false);
        if (string.Equals(disposition, HangupCauses.Success, StringComparison.Ordinal))
        {
            return CallOutcome.Bridged();
        }

        _logger.LogInformation("Call {CallId} to {Customer} failed: {Disposition}", callId, NumberMask.Mask(plan.Customer), disposition);
        await RefuseAsync(agentLeg, Prompts.ForFailedBridge(disposition), HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
        return CallOutcome.CustomerNotReached(disposition);
    }

    private DialString Target(Guid callId, OutboundPlan plan, CallerIdDecision decision, SurveyTemplate? survey)
    {
        FlowOptions options = context.Options;
        string shown = options.CallerIdFormat == "e164" ? decision.Number.E164 : decision.Number.National;
        var target = new DialString($"sofia/gateway/{options.Gateway}/{plan.Customer.National}")
            .With(ChannelVariables.OriginationCallerIdNumber, shown)
            .With(ChannelVariables.OriginationCallerIdName, shown)
            .With(ChannelVariables.CallId, callId.ToString())
            .With(ChannelVariables.AgentId, plan.Agent.Id)
            .WithOnLeg(ChannelVariables.LegTimeout, ((int)Math.Ceiling(options.CustomerRingTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        if (survey is not null)
        {
            // Only a customer leg still alive when the agent hangs up is transferred (seen on the real switch).
            target.WithOnLeg(ChannelVariables.TransferAfterBridge, options.SurveyTransfer)
                .WithOnLeg(ChannelVariables.Survey, "outbound")
                .WithOnLeg(ChannelVariables.SurveyTemplate, survey.Id)
                .WithOnLeg(ChannelVariables.Customer, plan.Customer.E164);
        }

        return target;
    }

    /// <summary>The call's row: the agent's leg is where the call runs (click-to-call's too: it was rung on the agent's switch), so its switch is the call's.</summary>
    private OutboundCallRecord Record(Guid callId, OutboundPlan plan, CallerIdDecision? decision, CallLeg agentLeg) =>
        new(callId, plan.Agent.Id, plan.Customer.E164, decision?.Number.E164,
            RuleWords.CallerIdRules.Word(plan.CallerId.Rule),
            decision?.Tier.ToString(), plan.CallerId.Reason, context.Time.GetUtcNow(),
            plan.AgentSees.Source == AgentDisplaySource.CustomerId ? plan.AgentSees.Text : null,
            context.SwitchOf(agentLeg));

    private Task RecordEndAsync(Guid callId, string disposition) =>
        context.Recorder.RecordOutboundCallEndAsync(new OutboundCallEnd(callId, disposition, null, context.Time.GetUtcNow()), CancellationToken.None);

    private static async Task RefuseAsync(CallLeg agentLeg, string prompt, string cause, CancellationToken cancellationToken)
    {
        agentLeg.AnswerWithNext();
        await agentLeg.PlayThenHangUpAsync(prompt, cause, cancellationToken).ConfigureAwait(false);
    }
}
