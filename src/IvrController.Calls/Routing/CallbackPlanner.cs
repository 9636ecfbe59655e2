using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;

namespace IvrController.Routing;

/// <summary>
/// Plans a customer's call to one of our numbers: callback memory first, then the IVR of the
/// dialled number. Shared by the controller's callback flow and <c>ivrctl explain callback</c>.
/// </summary>
public static class CallbackPlanner
{
    /// <param name="presence">
    /// Registration and live calls of an agent, as the controller's presence sees them; null when
    /// unknown (ivrctl, or just after a reconnect). An admin's offline status is applied here either way.
    /// </param>
    /// <exception cref="RoutingException">The caller or the dialled number does not normalise.</exception>
    public static async Task<CallbackPlan> PlanAsync(
        RuleSnapshot rules,
        ICallbackMemoryStore memory,
        string caller,
        string dialled,
        DateTimeOffset now,
        Func<string, AgentOnSwitch?> presence,
        ICustomerIdLookup? customerIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(presence);
        PhoneNumber from = Normalize(caller, "the caller's number");
        PhoneNumber to = Normalize(dialled, "the dialled number");
        CallbackSettings settings = rules.Settings.Callback;

        LastOutboundCall? last = settings.Enabled
            ? await memory.FindLastOutboundCallAsync(from, now - settings.Window, cancellationToken).ConfigureAwait(false)
            : null;
        AgentAvailability? availability = last is null
            ? null
            : AgentAvailability.Of(rules.TryGetAgent(last.AgentId, out Agent? agent) ? agent : null, presence(last.AgentId));
        CallbackDecision decision = CallbackRouter.Decide(settings, last, now, availability);
        IvrMenu? menu = rules.MenuForDialledNumber(to);
        AgentDisplayResult agentSees = await AgentDisplay.ForAgentAsync(from, rules.Settings.NumberProtection, customerIds, cancellationToken).ConfigureAwait(false);
        return new CallbackPlan(rules.Version, from, to, decision, menu, agentSees);
    }

    private static PhoneNumber Normalize(string raw, string what) =>
        ChineseNumberNormalizer.Default.TryNormalize(raw, out PhoneNumber? number, out string? error)
            ? number
            : throw new RoutingException($"{what}: {error}");
}
