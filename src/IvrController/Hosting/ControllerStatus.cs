using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Snapshots;
using IvrController.Web.Status;

namespace IvrController.Hosting;

/// <summary>The controller's parts as the web console reports them (/readyz, /metrics); the console itself knows no call.</summary>
public sealed class ControllerStatus(LiveRules rules, InboundClient inbound, CallDispatcher dispatcher, CallRecordJournal journal) : IControllerStatus
{
    public ControllerStatusReport Read() => new(
        rules.IsLoaded,
        rules.IsLoaded ? rules.Current.Version : 0,
        inbound.IsConnected,
        inbound.DroppedEvents,
        journal.BacklogBytes(),
        [.. dispatcher.Outcomes.Snapshot().Select(count => new CallCount(Flow(count.Key), Outcome(count.Key), count.Value))]);

    /// <summary>Which flow ends a call this way: each outcome belongs to one flow, except the dispatcher's own two.</summary>
    public static string Flow(CallOutcomeKind kind) => kind switch
    {
        CallOutcomeKind.Bridged or CallOutcomeKind.Refused or CallOutcomeKind.CustomerNotReached => "outbound",
        CallOutcomeKind.AgentAnswered or CallOutcomeKind.NoAgent or CallOutcomeKind.EndedInMenu => "inbound",
        CallOutcomeKind.Surveyed or CallOutcomeKind.SurveySkipped => "survey",
        _ => "dispatch",
    };

    /// <summary>The outcome as a metric label: <c>CustomerNotReached</c> → <c>customer_not_reached</c>.</summary>
    public static string Outcome(CallOutcomeKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));
}
