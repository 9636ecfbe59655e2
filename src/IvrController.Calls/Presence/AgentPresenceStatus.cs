namespace IvrController.Presence;

/// <summary>One agent in a <see cref="PresenceSnapshot"/>.</summary>
/// <param name="Contacts">Unexpired registrations.</param>
/// <param name="RegisteredUntil">The latest expiry among them; null when none.</param>
public sealed record AgentPresenceStatus(string AgentId, int Contacts, DateTimeOffset? RegisteredUntil, IReadOnlyList<AgentLeg> Legs)
{
    public bool IsRegistered => Contacts > 0;

    public bool IsOnCall => Legs.Count > 0;

    /// <summary>Registered and not on a call (an admin's "offline" is the rules' business).</summary>
    public bool IsAvailable => IsRegistered && !IsOnCall;
}
