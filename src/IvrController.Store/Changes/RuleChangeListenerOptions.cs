namespace IvrController.Store.Changes;

/// <summary>Settings of <see cref="RuleChangeListener"/>; the defaults suit production.</summary>
public sealed record RuleChangeListenerOptions
{
    /// <summary>
    /// How long notifications are collected after the first one before the consumer is told:
    /// an admin import touching several tables becomes one reload, not one per table.
    /// </summary>
    public TimeSpan CoalesceWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Wait before the first reconnect attempt; doubled after every failure.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the connection may sit idle before Npgsql probes it. An idle LISTEN
    /// connection would otherwise not notice a server that vanished without closing it.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>application_name</c> of the listening session, so an admin can find it in
    /// <c>pg_stat_activity</c>.
    /// </summary>
    public string ApplicationName { get; init; } = "ivr-controller rule listener";

    internal IEnumerable<string> Validate()
    {
        if (CoalesceWindow < TimeSpan.Zero)
        {
            yield return "CoalesceWindow must not be negative.";
        }

        if (InitialReconnectDelay <= TimeSpan.Zero)
        {
            yield return "InitialReconnectDelay must be positive.";
        }

        if (MaxReconnectDelay < InitialReconnectDelay)
        {
            yield return "MaxReconnectDelay must be at least InitialReconnectDelay.";
        }

        if (KeepAlive < TimeSpan.FromSeconds(1))
        {
            yield return "KeepAlive must be at least one second.";
        }

        if (string.IsNullOrWhiteSpace(ApplicationName))
        {
            yield return "ApplicationName must not be empty.";
        }
    }
}
