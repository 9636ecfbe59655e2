namespace IvrController.Presence;

/// <summary>A live call leg of an agent's phone, known by the switch's channel UUID.</summary>
/// <param name="Answered">False while it is still ringing.</param>
/// <param name="Since">When the leg was created (or first seen).</param>
public sealed record AgentLeg(string ChannelUuid, string AgentId, AgentLegDirection Direction, bool Answered, DateTimeOffset Since);
