using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Routing;

/// <summary>
/// Everything decided before an agent's call to a customer is bridged: who the customer is, the
/// number they will see, and what the agent's phone shows instead of their number.
/// </summary>
/// <param name="RulesVersion">The rules version the plan was made under (logged, and printed by explain).</param>
/// <param name="Agent">The calling agent.</param>
/// <param name="Customer">The customer's real number; never logged or shown unmasked.</param>
/// <param name="DialledAs">"number" or "customer ID C10086": how the agent named the customer.</param>
/// <param name="CallerId">The caller-ID decision, or why no number may be used.</param>
/// <param name="AgentSees">The mask or the customer ID, for effective_callee_id_number/name.</param>
/// <param name="CustomerId">The customer ID the agent dialled, or null when they dialled a number.</param>
public sealed record OutboundPlan(
    long RulesVersion,
    Agent Agent,
    PhoneNumber Customer,
    string DialledAs,
    CallerIdOutcome CallerId,
    AgentDisplayResult AgentSees,
    string? CustomerId = null)
{
    /// <summary>How long the caller-ID decision took, in <see cref="System.Diagnostics.Stopwatch"/> ticks (for /metrics).</summary>
    public long CallerIdTicks { get; init; }
}
