namespace IvrController.Web.Status;

/// <summary>The controller's state at one moment.</summary>
/// <param name="RulesLoaded">A rule snapshot is in memory: calls can be decided.</param>
/// <param name="RulesVersion">rules_version of that snapshot (0 before the first load).</param>
/// <param name="SwitchConnected">The inbound event socket is up (presence, click-to-call).</param>
/// <param name="EventsDropped">Switch events dropped because their reader fell behind, since start.</param>
/// <param name="JournalBacklogBytes">Call records waiting in the journal for the database; null when it cannot be measured.</param>
public sealed record ControllerStatusReport(
    bool RulesLoaded,
    long RulesVersion,
    bool SwitchConnected,
    long EventsDropped,
    long? JournalBacklogBytes);
