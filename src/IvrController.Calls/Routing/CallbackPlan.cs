using IvrController.Rules.Callback;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Routing;

/// <summary>What a customer calling one of our numbers reaches, and why.</summary>
/// <param name="RulesVersion">The rules version the plan was made under.</param>
/// <param name="Caller">The customer's number (masked wherever it is shown).</param>
/// <param name="Dialled">Our number the customer dialled.</param>
/// <param name="Decision">The callback-memory decision.</param>
/// <param name="Menu">The IVR of the dialled number, or null when it names none.</param>
/// <param name="AgentSees">What the agent's phone shows for the customer (both caller-ID name and number).</param>
public sealed record CallbackPlan(
    long RulesVersion,
    PhoneNumber Caller,
    PhoneNumber Dialled,
    CallbackDecision Decision,
    IvrMenu? Menu,
    AgentDisplayResult AgentSees);
