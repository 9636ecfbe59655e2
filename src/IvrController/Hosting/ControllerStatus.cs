using System.Text;
using IvrController.Switches;
using IvrController.Flows;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Snapshots;
using IvrController.Web.Status;

namespace IvrController.Hosting;

/// <summary>The controller's parts as the web console reports them (/readyz, /metrics); the console itself knows no call.</summary>
/// <remarks>With several switches, "the switch's event socket is connected" means every one's: one down makes the controller degraded.</remarks>
public sealed class ControllerStatus(LiveRules rules, SwitchFleet fleet, CallDispatcher dispatcher, CallRecordJournal journal) : IControllerStatus
{
    public ControllerStatusReport Read() => new(
        rules.IsLoaded,
        rules.IsLoaded ? rules.Current.Version : 0,
        fleet.Switches.All(s => s.Client.IsConnected),
        fleet.Switches.Sum(s => s.Client.DroppedEvents),
        journal.BacklogBytes());

    public void WriteCallMetrics(StringBuilder text) => dispatcher.Metrics.WriteTo(text);
}
