namespace IvrController.Presence;

/// <summary>What <see cref="PresenceEventHandler"/> did with one event.</summary>
/// <param name="AgentId">The agent concerned; null for <see cref="PresenceChangeKind.None"/>.</param>
/// <param name="ChannelUuid">The leg concerned, for leg changes.</param>
/// <param name="AvailabilityChanged">Whether the agent's registered / on-a-call state flipped.</param>
public sealed record PresenceChange(PresenceChangeKind Kind, string? AgentId, string? ChannelUuid, bool AvailabilityChanged)
{
    public static PresenceChange None { get; } = new(PresenceChangeKind.None, null, null, false);
}
