using System.Globalization;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Flows;

/// <summary>
/// Rings agents for a customer already on one of our legs (callback, IVR): the agents' phones show
/// the mask or customer ID as both caller-ID name and number (DESIGN 2.2: with only the number
/// masked the display name still carried the real number), and the customer's session survives
/// the agent hanging up first (<c>hangup_after_bridge=false</c>) so the inbound survey can run.
/// </summary>
public static class AgentRinging
{
    /// <summary>What ringing produced: Answered (they talked) and by whom, or the originate_disposition of the failure.</summary>
    public sealed record Result(bool Answered, string Disposition, string? AnsweredBy);

    public static async Task<Result> RingAsync(
        CallLeg customer,
        IReadOnlyList<string> agentIds,
        AgentDisplayResult display,
        TimeSpan ringTimeout,
        Guid callId,
        FlowOptions options,
        IAgentLocator? locator,
        CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0)
        {
            return new Result(false, HangupCauses.UserNotRegistered, null);
        }

        // continue_on_fail: without it a failed bridge hangs the customer up (seen on the real switch), and there
        // would be no fallback.
        customer.SetWithNext([new(ChannelVariables.HangupAfterBridge, "false"), new(ChannelVariables.ContinueOnFail, "true")]);

        string shown = DialSafe(display.Text) ?? NumberMask.MaskRaw(display.Text);
        // Simultaneous ring: the first agent to answer takes the call, on this switch or through the peer route to theirs.
        string? callSwitch = customer.SwitchCore;
        var target = new DialString([.. agentIds.Select(id => AgentEndpoint.For(id, locator?.PeerSwitchOf(id, callSwitch), options))])
            .With(ChannelVariables.OriginationCallerIdNumber, shown)
            .With(ChannelVariables.OriginationCallerIdName, shown)
            .With(ChannelVariables.LegTimeout, ((int)Math.Ceiling(ringTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            .With(ChannelVariables.CallId, callId.ToString());
        using ApplicationResult result = await customer.BridgeAsync(target, cancellationToken).ConfigureAwait(false);
        string disposition = result.OriginateDisposition ?? result.Response ?? "UNKNOWN";
        bool answered = string.Equals(disposition, HangupCauses.Success, StringComparison.Ordinal);
        // The answering leg's callee number is the agent's user (seen in the recorded callback bridge).
        string? answeredBy = answered ? result.GetHeader("Other-Leg-Callee-ID-Number") ?? result.GetVariable("dialed_user") : null;
        return new Result(answered, disposition, answeredBy is not null && agentIds.Contains(answeredBy) ? answeredBy : agentIds.Count == 1 ? agentIds[0] : null);
    }

    /// <summary>The text if it can stand in a dial string as it is (a customer ID might not), else null.</summary>
    private static string? DialSafe(string text)
    {
        try
        {
            _ = new DialString("x").With("v", text);
            return text;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
