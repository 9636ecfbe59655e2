using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Flows;

/// <summary>
/// Reads the switch's events for an answered click-to-call agent leg and says what became of the
/// customer's leg: answered (the leg was bridged), failed (the bridge completed with another
/// disposition), or never called (the agent leg ended first: no controller took it, or it refused).
/// Pure: fed one event at a time, it answers once it knows.
/// </summary>
public sealed class ClickToCallProgress(Guid agentLegUuid, string customerShown)
{
    private readonly string _leg = agentLegUuid.ToString();
    private bool _bridgeStarted;

    /// <summary>The customer's leg once decided by <paramref name="channelEvent"/>, else null (keep reading).</summary>
    public ClickToCallLeg? Observe(EslEvent channelEvent)
    {
        ArgumentNullException.ThrowIfNull(channelEvent);
        if (!string.Equals(channelEvent.UniqueId, _leg, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        switch (channelEvent.EventName)
        {
            case EventNames.ChannelExecute when channelEvent.GetHeader(HeaderNames.Application) == "bridge":
                _bridgeStarted = true;
                return null;

            case EventNames.ChannelBridge:
                return ClickToCallLeg.Answered($"{customerShown} answered and is talking to the agent");

            case EventNames.ChannelExecuteComplete when channelEvent.GetHeader(HeaderNames.Application) == "bridge":
                string disposition = channelEvent.GetVariable(ChannelVariables.OriginateDisposition)
                    ?? channelEvent.GetHeader(HeaderNames.ApplicationResponse)
                    ?? "UNKNOWN";
                return disposition == HangupCauses.Success
                    ? ClickToCallLeg.Answered($"{customerShown} answered and is talking to the agent")
                    : ClickToCallLeg.Failed(disposition, $"{customerShown} was not reached: {disposition}");

            case EventNames.ChannelHangupComplete:
                string cause = channelEvent.GetHeader(HeaderNames.HangupCause) ?? "UNKNOWN";
                return _bridgeStarted
                    ? ClickToCallLeg.Failed(cause, $"the agent hung up ({cause}) before {customerShown} answered")
                    : ClickToCallLeg.Failed(cause, $"{customerShown} was never called: the agent leg ended ({cause}) before the controller placed the call; see the controller's log");

            default:
                return null;
        }
    }
}
