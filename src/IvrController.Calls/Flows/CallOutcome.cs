namespace IvrController.Flows;

/// <summary>What became of one call the switch handed over: a kind to count, and a detail for the log (never a full number).</summary>
public sealed record CallOutcome(CallOutcomeKind Kind, string Detail)
{
    /// <summary>The agent who answered a customer's call; null otherwise.</summary>
    public string? AgentId { get; init; }

    public static CallOutcome Bridged() => new(CallOutcomeKind.Bridged, "bridged");

    public static CallOutcome Refused(string why) => new(CallOutcomeKind.Refused, why);

    public static CallOutcome CustomerNotReached(string disposition) => new(CallOutcomeKind.CustomerNotReached, disposition);

    public static CallOutcome AgentAnswered(string agentId) => new(CallOutcomeKind.AgentAnswered, $"agent {agentId} answered") { AgentId = agentId };

    public static CallOutcome NoAgent(string why) => new(CallOutcomeKind.NoAgent, why);

    public static CallOutcome EndedInMenu(string why) => new(CallOutcomeKind.EndedInMenu, why);

    public override string ToString() => $"{Kind}: {Detail}";
}
