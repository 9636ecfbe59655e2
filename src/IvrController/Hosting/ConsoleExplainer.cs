using IvrController.Explaining;
using IvrController.Flows;
using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.Protection;
using IvrController.Store.Snapshots;
using IvrController.Web.Calls;

namespace IvrController.Hosting;

/// <summary>
/// The console's Explain page, answered inside the running controller: the rules in force, the controller's own
/// callback memory, its live counters of our numbers and its presence (explain on the command line knows none of
/// the last three), through the same planners and sentences as <c>ivrctl explain</c>.
/// </summary>
public sealed class ConsoleExplainer(
    LiveRules rules, CallbackLookup memory, ICustomerIdLookup customerIds, IAgentPresence presence, LiveCallerNumberUsage usage, TimeProvider time) : ICallExplainer
{
    public const string LiveCountersNote = "concurrent calls and calls today are this controller's live counters (another controller's calls count once they are in the call log).";

    public async Task<OutboundExplanation> ExplainOutboundAsync(string agentId, string dialled, CancellationToken cancellationToken)
    {
        try
        {
            return await CallExplanations.OutboundAsync(
                rules.Current, agentId ?? "", dialled ?? "", usage, Random.Shared, customerIds, LiveCountersNote, cancellationToken).ConfigureAwait(false);
        }
        catch (RoutingException e)
        {
            throw new ConsoleCallException(e.Message, e);
        }
    }

    public async Task<CallbackExplanation> ExplainCallbackAsync(string caller, string dialled, bool assumeAgentUnavailable, CancellationToken cancellationToken)
    {
        try
        {
            return await CallExplanations.CallbackAsync(
                rules.Current, memory, caller ?? "", dialled ?? "", time.GetUtcNow(),
                agentId => assumeAgentUnavailable ? new AgentOnSwitch(Registered: false, OnCall: false) : presence.OnSwitch(agentId),
                customerIds, cancellationToken).ConfigureAwait(false);
        }
        catch (RoutingException e)
        {
            throw new ConsoleCallException(e.Message, e);
        }
    }
}
