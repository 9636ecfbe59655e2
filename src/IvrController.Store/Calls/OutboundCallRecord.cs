namespace IvrController.Store.Calls;

/// <summary>
/// An agent's call to a customer as it starts: the call log row that is also the callback memory.
/// Numbers are E.164. <see cref="CallerNumber"/> is null when no number could be chosen.
/// <see cref="CustomerId"/> is the customer ID the agent saw (customer-ID mode), null when a mask was shown.
/// <see cref="SwitchName"/> is the switch the agent's leg ran on (its name in the settings), null when not known.
/// </summary>
public sealed record OutboundCallRecord(
    Guid CallUuid,
    string AgentId,
    string CustomerNumber,
    string? CallerNumber,
    string? Rule,
    string? Tier,
    string? Reason,
    DateTimeOffset StartedAt,
    string? CustomerId = null,
    string? SwitchName = null);
