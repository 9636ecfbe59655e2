using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Agents;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Snapshots;
using IvrController.Switches;
using IvrController.Web.Calls;

namespace IvrController.Hosting;

/// <summary>
/// The console's Live page: the rules' agents with what presence says of them (on every switch the controller
/// serves, and which), the calls the dispatcher is handling (customers masked), the switch connections and the
/// journal. Reads only; no lock is held past a copy.
/// </summary>
public sealed class ConsoleLiveView(
    LiveRules rules, SwitchFleet fleet, CallDispatcher dispatcher, CallRecordJournal journal, TimeProvider time) : ILiveView
{
    public LiveReport Read()
    {
        (string Name, PresenceSnapshot Seen)[] switches = [.. fleet.Switches.Select(s => (s.Name, s.Presence.Snapshot()))];
        var agents = new List<LiveAgent>();
        if (rules.IsLoaded)
        {
            foreach (Agent agent in rules.Current.Agents.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                AgentPresenceStatus[] statuses = [.. switches.Select(s => s.Seen.For(agent.Id))];
                bool onCall = statuses.Any(status => status.IsOnCall);
                string state = onCall ? "on_call"
                    : agent.Status == AgentStatus.OfflineByAdmin ? "disabled"
                    : statuses.Any(status => status.IsRegistered) ? "registered"
                    : "offline";
                DateTimeOffset? since = onCall ? statuses.SelectMany(status => status.Legs).Min(leg => leg.Since) : null;
                string? where = fleet.IsSeveral
                    ? string.Join(", ", switches.Where(s => s.Seen.For(agent.Id).IsRegistered).Select(s => s.Name))
                    : null;
                agents.Add(new LiveAgent(agent.Id, agent.Name, state, since, where));
            }
        }

        return new LiveReport(
            time.GetUtcNow(),
            fleet.Switches.All(s => s.Client.IsConnected),
            switches.All(s => s.Seen.IsSynchronized),
            journal.BacklogBytes(),
            agents,
            [.. dispatcher.InProgress.Snapshot().Select(call => new LiveCall(call.Flow, call.AgentId, call.MaskedCustomer, call.Since))],
            fleet.IsSeveral);
    }
}
