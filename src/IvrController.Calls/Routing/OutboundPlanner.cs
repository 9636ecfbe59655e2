using System.Diagnostics;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;

namespace IvrController.Routing;

/// <summary>
/// Plans an agent's outbound call from a rule snapshot. The controller's outbound flow and
/// <c>ivrctl explain outbound</c> both call this, so explain shows the decision the controller takes.
/// </summary>
public static class OutboundPlanner
{
    /// <param name="dialled">What the agent dialled: a number in any common form, or (customer-ID mode) a customer ID.</param>
    /// <exception cref="RoutingException">Unknown agent, or the dialled string is neither a number nor a known customer ID.</exception>
    public static async Task<OutboundPlan> PlanAsync(
        RuleSnapshot rules,
        string agentId,
        string dialled,
        ICallerNumberUsage usage,
        Random random,
        ICustomerIdLookup? customerIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!rules.TryGetAgent(agentId, out Agent? agent))
        {
            throw new RoutingException($"agent '{agentId}' is not in the agents table");
        }

        (PhoneNumber customer, string dialledAs, string? customerId) = await ResolveCustomerAsync(rules, dialled, customerIds, cancellationToken).ConfigureAwait(false);
        long deciding = Stopwatch.GetTimestamp();
        CallerIdOutcome callerId = rules.SelectCallerId(agent, customer, usage, random);
        long decisionTicks = Stopwatch.GetTimestamp() - deciding;
        // One trip to the customer-ID lookup at most: an ID the agent dialled is what they see.
        AgentDisplayResult agentSees = customerId is not null
            ? AgentDisplay.ForDialledCustomerId(customer, customerId)
            : await AgentDisplay.ForAgentAsync(customer, rules.Settings.NumberProtection, customerIds, cancellationToken).ConfigureAwait(false);
        return new OutboundPlan(rules.Version, agent, customer, dialledAs, callerId, agentSees, customerId) { CallerIdTicks = decisionTicks };
    }

    /// <summary>
    /// In customer-ID mode an agent may dial an ID; the ID is tried first there, because an all-digit
    /// ID (10086) would also pass as a service number. A full mobile or landline number is dialled as
    /// the number it is, so that the call asks the lookup once (for the ID to show), not twice. In mask
    /// mode only numbers are accepted.
    /// </summary>
    private static async Task<(PhoneNumber Customer, string DialledAs, string? CustomerId)> ResolveCustomerAsync(
        RuleSnapshot rules, string dialled, ICustomerIdLookup? customerIds, CancellationToken cancellationToken)
    {
        string trimmed = (dialled ?? "").Trim();
        bool fullNumber = ChineseNumberNormalizer.Default.TryNormalize(trimmed, out PhoneNumber? asNumber, out _)
            && asNumber.Kind is PhoneNumberKind.Mobile or PhoneNumberKind.Landline;
        if (rules.Settings.NumberProtection == NumberProtectionMode.CustomerId && customerIds is not null && trimmed.Length > 0 && !fullNumber)
        {
            IReadOnlyDictionary<string, PhoneNumber> found;
            try
            {
                found = await customerIds.CustomerIdToPhonesAsync([trimmed], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new RoutingException($"the customer-ID lookup failed ({e.GetType().Name}), so '{NumberMask.MaskRaw(trimmed)}' cannot be resolved", e);
            }

            if (found.TryGetValue(trimmed, out PhoneNumber? byId))
            {
                return (byId, $"customer ID {trimmed}", trimmed);
            }
        }

        if (ChineseNumberNormalizer.Default.TryNormalize(trimmed, out PhoneNumber? number, out string? error))
        {
            return (number, "number", null);
        }

        throw new RoutingException(rules.Settings.NumberProtection == NumberProtectionMode.CustomerId
            ? $"'{NumberMask.MaskRaw(trimmed)}' is neither a known customer ID nor a phone number ({error})"
            : error);
    }
}
