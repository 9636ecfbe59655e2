namespace IvrController.Rules.Callback;

public enum CallbackDecisionKind
{
    /// <summary>Feature off, no outbound call to this customer, or the last one is outside the window: the IVR.</summary>
    NoMemory,

    /// <summary>Ring the agent who called; <see cref="CallbackDecision.Fallback"/> says what happens if they do not answer.</summary>
    RingAgent,

    /// <summary>The agent who called cannot take a call now: <see cref="CallbackDecision.Fallback"/> at once.</summary>
    AgentUnavailable,
}
