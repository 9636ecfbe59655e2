namespace IvrController.Rules.Callback;

/// <summary>What a call from a returning customer does.</summary>
/// <param name="Kind">Ring the agent, give up on the agent, or no memory at all.</param>
/// <param name="AgentId">The agent who placed the last call (null for <see cref="CallbackDecisionKind.NoMemory"/>).</param>
/// <param name="Fallback">For NoMemory and AgentUnavailable what happens now; for RingAgent what happens when the agent does not answer.</param>
/// <param name="RecordMissedCallback">Record a missed callback for the agent when the call does not reach them (mode 1).</param>
/// <param name="RingTimeout">How long to ring the agent (RingAgent only).</param>
/// <param name="LastCall">The remembered call, when there is one.</param>
/// <param name="Reason">A loggable sentence; the customer's number appears masked.</param>
public sealed record CallbackDecision(
    CallbackDecisionKind Kind,
    string? AgentId,
    CallbackFallback Fallback,
    bool RecordMissedCallback,
    TimeSpan? RingTimeout,
    LastOutboundCall? LastCall,
    string Reason);
