namespace IvrController.Web.Calls;

/// <summary>The live state at <see cref="At"/>.</summary>
/// <param name="SwitchConnected">The switch's event socket is connected (every switch's, when the controller serves several).</param>
/// <param name="PresenceSynchronized">Presence was rebuilt from the switch since the last connection loss (else it may be stale); of every switch.</param>
/// <param name="JournalBacklogBytes">Call records waiting in the journal for the database; null when unknown.</param>
/// <param name="Agents">Every agent of the rules, in id order.</param>
/// <param name="Calls">Calls the controller is handling now, oldest first; customers' numbers masked.</param>
/// <param name="SeveralSwitches">The controller serves several switches: each agent says where their phone is registered.</param>
public sealed record LiveReport(
    DateTimeOffset At,
    bool SwitchConnected,
    bool PresenceSynchronized,
    long? JournalBacklogBytes,
    IReadOnlyList<LiveAgent> Agents,
    IReadOnlyList<LiveCall> Calls,
    bool SeveralSwitches = false);

/// <summary>
/// One agent: <see cref="State"/> is on_call, registered, offline (no phone registered) or disabled (an admin's offline);
/// <see cref="Switches"/> names the switches their phone is registered on ("sw1, sw2"), when the controller serves several.
/// </summary>
public sealed record LiveAgent(string Id, string Name, string State, DateTimeOffset? OnCallSince, string? Switches = null);

/// <summary>A call in progress: <see cref="Flow"/> outbound, inbound or survey; <see cref="Customer"/> masked (or the customer ID).</summary>
public sealed record LiveCall(string Flow, string? AgentId, string Customer, DateTimeOffset Since);
