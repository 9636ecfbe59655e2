using System.Text;
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
        journal.BacklogBytes());

    public void WriteCallMetrics(StringBuilder text) => dispatcher.Metrics.WriteTo(text);
}
