using IvrController.Esl.Connection;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Metrics;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// The OutboundServer's handler: picks the flow for a leg the switch handed over, by the
/// <c>ivr_entry</c> variable the dialplan sets (freeswitch-conf/dialplan/*.xml) or that
/// click-to-call put on the leg it originated.
/// </summary>
public sealed class CallDispatcher(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<CallDispatcher>();

    /// <summary>How the calls handled so far ended, by kind.</summary>
    public CallOutcomeCounts Outcomes { get; } = new();

    /// <summary>What /metrics shows about calls (the context's, which the flows also record into).</summary>
    public CallMetrics Metrics => context.Metrics;

    /// <summary>The calls being handled now (customers masked), for the console.</summary>
    public CallsInProgress InProgress { get; } = new();

    public async Task HandleAsync(OutboundSession session, CancellationToken cancellationToken)
    {
        var leg = new CallLeg(session);
        string entry = leg.Variable(ChannelVariables.Entry) ?? session.ChannelData.Context ?? "";
        CallOutcome outcome;
        using IDisposable inProgress = Note(leg, entry);
        CallFlowKind flow = entry switch
        {
            "agents" or "click_to_call" => CallFlowKind.Outbound,
            "public" => CallFlowKind.Ivr,
            "survey" => CallFlowKind.Survey,
            _ => CallFlowKind.Dispatch,
        };
        CustomerCallback? customerCall = null;
        try
        {
            outcome = flow switch
            {
                CallFlowKind.Outbound => await new AgentOutboundCall(context).RunAsync(leg, cancellationToken).ConfigureAwait(false),
                CallFlowKind.Ivr => await (customerCall = new CustomerCallback(context)).RunAsync(leg, cancellationToken).ConfigureAwait(false),
                CallFlowKind.Survey => await new SurveyHandBack(context).RunAsync(leg, cancellationToken).ConfigureAwait(false),
                _ => await UnknownAsync(leg, entry, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (EslChannelHangupException)
        {
            // The caller (or the switch) ended the call before the flow had an outcome: counted, then the server logs it as before.
            context.Metrics.CallHungUp(customerCall?.Route ?? flow);
            throw;
        }
        catch (Exception e) when (e is not (EslChannelHangupException or EslConnectionException or OperationCanceledException))
        {
            // A fault of ours (a bug, an unreachable dependency) must not reach the caller as the
            // switch's fallback 503: they hear that the service is unavailable and the call ends cleanly.
            _logger.LogError(e, "Call {Uuid} ({Entry}) failed inside the controller: {Reason}; the caller hears the service-unavailable prompt", session.UniqueId, entry, e.Message);
            outcome = await EndAfterFaultAsync(leg, cancellationToken).ConfigureAwait(false);
        }

        Outcomes.Count(outcome);
        context.Metrics.CallEnded(customerCall?.Route ?? flow, outcome.Kind);
        _logger.LogInformation("Call {Uuid} ({Entry}) done: {Outcome}", session.UniqueId, entry, outcome);
    }

    /// <summary>Who is on the leg, from what the switch handed over (no lookup: this is on every call's path).</summary>
    private IDisposable Note(CallLeg leg, string entry)
    {
        DateTimeOffset now = context.Time.GetUtcNow();
        return entry switch
        {
            "agents" => InProgress.Begin("outbound", leg.Variable(ChannelVariables.SipAuthUsername) ?? leg.Channel.Username,
                leg.Variable(ChannelVariables.DialledNumber) ?? leg.Channel.DestinationNumber ?? "", now),
            "click_to_call" => InProgress.Begin("outbound", leg.Variable(ChannelVariables.AgentId), leg.Variable(ChannelVariables.ClickToCallCustomer) ?? "", now),
            "public" => InProgress.Begin("inbound", null, leg.Channel.CallerIdNumber ?? "", now),
            "survey" => InProgress.Begin("survey", leg.Variable(ChannelVariables.AgentId), leg.Variable(ChannelVariables.Customer) ?? "", now),
            _ => InProgress.Begin(entry, null, "", now),
        };
    }

    private static async Task<CallOutcome> EndAfterFaultAsync(CallLeg leg, CancellationToken cancellationToken)
    {
        try
        {
            leg.AnswerWithNext();
            await leg.PlayThenHangUpAsync(Prompts.ServiceUnavailable, HangupCauses.NormalTemporaryFailure, cancellationToken).ConfigureAwait(false);
            return new CallOutcome(CallOutcomeKind.Faulted, "failed inside the controller: prompt played, call ended");
        }
        catch (Exception e) when (e is EslChannelHangupException or EslConnectionException)
        {
            return new CallOutcome(CallOutcomeKind.Faulted, "failed inside the controller; the caller had already gone");
        }
    }

    private async Task<CallOutcome> UnknownAsync(CallLeg leg, string entry, CancellationToken cancellationToken)
    {
        _logger.LogError("Call {Uuid}: unknown {Variable} '{Entry}'; check the dialplan", leg.Session.UniqueId, ChannelVariables.Entry, entry);
        await leg.PlayThenHangUpAsync(Prompts.ServiceUnavailable, HangupCauses.NormalTemporaryFailure, cancellationToken).ConfigureAwait(false);
        return new CallOutcome(CallOutcomeKind.UnknownEntry, $"unknown entry '{entry}'");
    }
}
