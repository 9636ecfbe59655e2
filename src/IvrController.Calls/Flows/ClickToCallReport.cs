namespace IvrController.Flows;

/// <summary>How a click-to-call went: the agent's leg, then the customer's (null when it was never called).</summary>
/// <param name="AgentLegUuid">The UUID the agent leg was originated with.</param>
public sealed record ClickToCallReport(Guid AgentLegUuid, ClickToCallLeg Agent, ClickToCallLeg? Customer)
{
    /// <summary>The customer answered: the only outcome ivrctl reports as success.</summary>
    public bool CustomerReached => Customer?.Reached == true;
}
