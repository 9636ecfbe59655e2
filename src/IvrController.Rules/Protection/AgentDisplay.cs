using IvrController.Rules.Numbers;

namespace IvrController.Rules.Protection;

/// <summary>Decides what an agent sees for a customer. Whatever goes wrong, the agent sees the mask, never the number.</summary>
public static class AgentDisplay
{
    public static async Task<AgentDisplayResult> ForAgentAsync(
        PhoneNumber customer,
        NumberProtectionMode mode,
        ICustomerIdLookup? lookup,
        CancellationToken cancellationToken)
    {
        string mask = NumberMask.Mask(customer);
        if (mode != NumberProtectionMode.CustomerId)
        {
            return new AgentDisplayResult(mask, AgentDisplaySource.Mask, "mask mode");
        }

        if (lookup is null)
        {
            return Fallback(mask, "customer-ID mode but no customer-ID lookup is configured");
        }

        IReadOnlyDictionary<PhoneNumber, string> found;
        try
        {
            found = await lookup.PhoneToCustomerIdsAsync([customer], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call itself is gone: nothing to display.
            throw;
        }
        catch (Exception ex)
        {
            // The exception's message may quote the number; its type is enough to find the cause.
            return Fallback(mask, $"customer-ID lookup failed ({ex.GetType().Name})");
        }

        if (found is null || !found.TryGetValue(customer, out string? customerId) || string.IsNullOrWhiteSpace(customerId))
        {
            return Fallback(mask, "no customer ID for this number");
        }

        return Shown(customer, customerId, "customer ID found");
    }

    /// <summary>
    /// An agent who dialled a customer ID sees that ID as typed: no second trip to the lookup for what
    /// the agent's own input already is.
    /// </summary>
    public static AgentDisplayResult ForDialledCustomerId(PhoneNumber customer, string customerId)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return Shown(customer, customerId, "dialled as customer ID");
    }

    private static AgentDisplayResult Shown(PhoneNumber customer, string customerId, string detail)
    {
        // A table filled with numbers as IDs would show the agent exactly what the mode exists to hide.
        // The significant number (no +86, no trunk 0) is inside every written form of it.
        string significant = customer.E164[3..];
        if (significant.Length >= 7 && customerId.Contains(significant, StringComparison.Ordinal))
        {
            return Fallback(NumberMask.Mask(customer), "the customer ID contains the number itself");
        }

        return new AgentDisplayResult(customerId.Trim(), AgentDisplaySource.CustomerId, detail);
    }

    private static AgentDisplayResult Fallback(string mask, string detail) =>
        new(mask, AgentDisplaySource.MaskAfterLookupFailure, detail);
}
