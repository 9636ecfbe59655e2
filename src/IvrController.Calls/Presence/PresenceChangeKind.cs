namespace IvrController.Presence;

/// <summary>What one event did to presence.</summary>
public enum PresenceChangeKind
{
    /// <summary>Not about an agent (another profile, a customer's or a loopback leg, another event).</summary>
    None,

    /// <summary>A contact registered or refreshed its registration.</summary>
    Registered,

    /// <summary>The phone unregistered.</summary>
    Unregistered,

    /// <summary>The switch dropped a registration the phone did not renew.</summary>
    Expired,

    /// <summary>A leg of the agent's phone appeared (ringing or placing a call).</summary>
    LegStarted,

    /// <summary>A leg of the agent's phone was answered.</summary>
    LegAnswered,

    /// <summary>A leg of the agent's phone hung up.</summary>
    LegEnded,
}
