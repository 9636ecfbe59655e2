namespace IvrController.Rules.Agents;

/// <summary>What the switch says of an agent's phones: registered, and whether one of its legs is live.</summary>
public sealed record AgentOnSwitch(bool Registered, bool OnCall);
