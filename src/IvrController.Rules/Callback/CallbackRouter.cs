using System.Globalization;
using IvrController.Rules.Agents;

namespace IvrController.Rules.Callback;

/// <summary>Callback memory (DESIGN 2.2): does a returning customer reach the agent who called them?</summary>
public static class CallbackRouter
{
    /// <param name="settings">The site's callback settings.</param>
    /// <param name="lastCall">The most recent outbound call to the caller's number, or null.</param>
    /// <param name="now">The current time (from the flow's TimeProvider).</param>
    /// <param name="availability">
    /// The agent's availability, or null when presence knows nothing of the agent (for example just after
    /// a reconnect): then the agent is rung, and the bridge result decides, as it does anyway for
    /// USER_NOT_REGISTERED or NO_ANSWER.
    /// </param>
    public static CallbackDecision Decide(CallbackSettings settings, LastOutboundCall? lastCall, DateTimeOffset now, AgentAvailability? availability)
    {
        if (!settings.Enabled)
        {
            return NoMemory("callback memory is off → IVR");
        }

        string window = Duration(settings.Window);
        if (lastCall is null)
        {
            return NoMemory($"no outbound call to this number in the last {window} → IVR");
        }

        TimeSpan age = now - lastCall.StartedAt;
        if (age > settings.Window)
        {
            return NoMemory($"the last outbound call, by agent {lastCall.AgentId}, was {Duration(age)} ago, outside the {window} window → IVR", lastCall);
        }

        bool onlyOriginal = settings.Mode == CallbackMode.OriginalAgentOnly;
        CallbackFallback fallback = onlyOriginal ? CallbackFallback.AgentBusyPrompt : CallbackFallback.Ivr;
        string mode = onlyOriginal ? "mode 1: original agent only" : "mode 2: original agent first";
        string who = $"agent {lastCall.AgentId} called {lastCall.CustomerNumber} {Duration(age < TimeSpan.Zero ? TimeSpan.Zero : age)} ago";
        string then = onlyOriginal ? "the busy prompt and a missed callback" : "the IVR";

        if (availability is { IsAvailable: false })
        {
            return new CallbackDecision(
                CallbackDecisionKind.AgentUnavailable,
                lastCall.AgentId,
                fallback,
                RecordMissedCallback: onlyOriginal,
                RingTimeout: null,
                lastCall,
                $"{who} but is {availability.Describe()} → {then} ({mode})");
        }

        string state = availability is null ? "availability unknown" : "is available";
        return new CallbackDecision(
            CallbackDecisionKind.RingAgent,
            lastCall.AgentId,
            fallback,
            RecordMissedCallback: onlyOriginal,
            settings.RingTimeout,
            lastCall,
            $"{who} and {state} → ring for {Duration(settings.RingTimeout)}, then {then} if unanswered ({mode})");
    }

    private static CallbackDecision NoMemory(string reason, LastOutboundCall? lastCall = null) =>
        new(CallbackDecisionKind.NoMemory, null, CallbackFallback.Ivr, RecordMissedCallback: false, RingTimeout: null, lastCall, reason);

    /// <summary>"72 h", "3 h 20 min", "45 min", "20 s": coarse enough to read in a log line.</summary>
    internal static string Duration(TimeSpan span)
    {
        var c = CultureInfo.InvariantCulture;
        if (span >= TimeSpan.FromHours(1))
        {
            int hours = (int)span.TotalHours;
            return span.Minutes == 0 ? string.Create(c, $"{hours} h") : string.Create(c, $"{hours} h {span.Minutes} min");
        }

        if (span >= TimeSpan.FromMinutes(1))
        {
            return string.Create(c, $"{(int)span.TotalMinutes} min");
        }

        return string.Create(c, $"{(int)span.TotalSeconds} s");
    }
}
