namespace IvrController.Web.Calls;

/// <summary>An agent's call to a customer as the controller would place it now; every customer number in it is masked.</summary>
/// <param name="Rules">Rules version, rule, pick and protection mode, in ivrctl's words.</param>
/// <param name="Agent">The agent and their outbound skill groups.</param>
/// <param name="Customer">The customer, masked, how they were dialled and their region.</param>
/// <param name="Tiers">Each tier of the rule that was tried, in order.</param>
/// <param name="CustomerSees">Our number the customer would see; null when none may be used (the call is refused).</param>
/// <param name="Tier">The tier that number came from; null when none.</param>
/// <param name="AgentSees">The masked number or customer ID the agent's phone shows.</param>
/// <param name="AgentSeesDetail">Why the agent sees that.</param>
/// <param name="Reason">The caller-ID decision's reason.</param>
/// <param name="Notes">What the answer cannot know (a random pick, live counters).</param>
public sealed record OutboundExplanation(
    string Rules,
    string Agent,
    string Customer,
    IReadOnlyList<string> Tiers,
    string? CustomerSees,
    string? Tier,
    string AgentSees,
    string AgentSeesDetail,
    string Reason,
    IReadOnlyList<string> Notes);
