using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Agents;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Snapshots;
using IvrController.Web.Calls;

namespace IvrController.Hosting;

/// <summary>
/// The console's Live page: the rules' agents with what presence says of them, the calls the dispatcher is
/// handling (customers masked), the switch connection and the journal. Reads only; no lock is held past a copy.
/// </summary>
public sealed class ConsoleLiveView(
    LiveRules rules, InboundClient inbound, PresenceTracker presence, CallDispatcher dispatcher, CallRecordJournal journal, TimeProvider time) : ILiveView
{
    public LiveReport Read()
    {
        PresenceSnapshot seen = presence.Snapshot();
        var agents = new List<LiveAgent>();
        if (rules.IsLoaded)
        {
            foreach (Agent agent in rules.Current.Agents.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                AgentPresenceStatus status = seen.For(agent.Id);
                string state = status.IsOnCall ? "on_call"
                    : agent.Status == AgentStatus.OfflineByAdmin ? "disabled"
                    : status.IsRegistered ? "registered"
                    : "offline";
                DateTimeOffset? since = status.IsOnCall ? status.Legs.Min(leg => leg.Since) : null;
                agents.Add(new LiveAgent(agent.Id, agent.Name, state, since));
            }
        }

        return new LiveReport(
            time.GetUtcNow(),
            inbound.IsConnected,
            seen.IsSynchronized,
            journal.BacklogBytes(),
            agents,
            [.. dispatcher.InProgress.Snapshot().Select(call => new LiveCall(call.Flow, call.AgentId, call.MaskedCustomer, call.Since))]);
    }
}
