namespace IvrController.Store.Calls;

/// <summary>
/// An agent's call to a customer as it starts: the call log row that is also the callback memory.
/// Numbers are E.164. <see cref="CallerNumber"/> is null when no number could be chosen.
/// </summary>
public sealed record OutboundCallRecord(
    Guid CallUuid,
    string AgentId,
    string CustomerNumber,
    string? CallerNumber,
    string? Rule,
    string? Tier,
    string? Reason,
    DateTimeOffset StartedAt);
