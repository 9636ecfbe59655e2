namespace IvrController.Store.Calls;

/// <summary>
/// A customer's call to one of our numbers, recorded once when it ends. <see cref="Route"/> is
/// callback or ivr; <see cref="Outcome"/> agent_answered, no_agent, ended_in_menu, caller_hung_up
/// or faulted. Numbers are E.164 (the customer's raw caller ID when it does not normalise).
/// <see cref="SwitchName"/> is the switch the call came in on (its name in the settings), null when not known.
/// </summary>
public sealed record InboundCallRecord(
    Guid CallUuid,
    string CustomerNumber,
    string CalledNumber,
    string Route,
    string? RememberedAgent,
    string? AgentId,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string? SwitchName = null)
{
    public const string CallbackRoute = "callback";
    public const string IvrRoute = "ivr";
    public const string CallerHungUp = "caller_hung_up";
    public const string Faulted = "faulted";
}
