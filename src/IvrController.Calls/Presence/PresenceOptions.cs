namespace IvrController.Presence;

/// <summary>Where the agents' phones live on the switch, and how long to trust what we last heard.</summary>
public sealed class PresenceOptions
{
    /// <summary>The sofia profile agents' phones register on and call through (freeswitch-conf: <c>agents</c>).</summary>
    public string AgentProfile { get; set; } = "agents";

    /// <summary>The dialplan context of calls placed by agents' phones (the directory's <c>user_context</c>).</summary>
    public string AgentContext { get; set; } = "agents";

    /// <summary>
    /// Mirrors the profile's <c>multiple-registrations</c>. Off (the switch's default, and our
    /// conf): a new REGISTER replaces the user's other contacts and an unregister removes them all.
    /// </summary>
    public bool MultipleRegistrations { get; set; }

    /// <summary>
    /// Added to every registration's expiry: the switch itself keeps a registration a little past
    /// its Expires, so a phone re-registering at the last moment must not flicker to "not registered".
    /// </summary>
    public TimeSpan ExpiryGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait before asking the switch again when a rebuild failed on a live connection.</summary>
    public TimeSpan ReconcileRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(AgentProfile) || AgentProfile.Contains('/', StringComparison.Ordinal))
        {
            yield return "Presence:AgentProfile must name the sofia profile the agents' phones register on (e.g. agents).";
        }

        if (string.IsNullOrWhiteSpace(AgentContext))
        {
            yield return "Presence:AgentContext must name the dialplan context of the agents' calls (e.g. agents).";
        }

        if (ExpiryGrace < TimeSpan.Zero)
        {
            yield return "Presence:ExpiryGrace must not be negative.";
        }

        if (ReconcileRetryDelay <= TimeSpan.Zero)
        {
            yield return "Presence:ReconcileRetryDelay must be positive.";
        }
    }
}
