namespace IvrController.Cluster;

/// <summary>
/// How a controller shares our numbers' caps with the other controllers on the same database
/// (settings section <c>Cluster</c>). A controller that stops renewing holds its concurrent slots for at
/// most <see cref="LeaseTime"/> plus one <see cref="HeartbeatInterval"/> of whichever controller sweeps.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// True on every controller of a site that runs several on one database: each outbound decision then asks the
    /// database for its number's slot (one round trip), leases are renewed, and callback memory is shared by
    /// NOTIFY. False (the default) for one controller, whose own counts are exact: none of that is paid per call.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>This controller's name in the database; empty = the machine's name and the outbound port (host:8084). Unique per controller.</summary>
    public string ControllerId { get; set; } = "";

    /// <summary>How long after its last renewal a controller's slots are given back to the others.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the controller renews its leases, sweeps dead controllers' leases and re-reads every number's counts.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a call waits for the database to grant a slot before this controller counts on its own.</summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a lease of this controller must be before a heartbeat gives it back because no call of
    /// this controller holds it any more (a call that ended without its end record reaching the database).
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The controller id to use: <see cref="ControllerId"/>, or the machine and <paramref name="outboundPort"/>.</summary>
    public string ResolveControllerId(int outboundPort) =>
        string.IsNullOrWhiteSpace(ControllerId) ? $"{Environment.MachineName}:{outboundPort}" : ControllerId.Trim();

    public IEnumerable<string> Validate()
    {
        if (ControllerId.Length > 100 || ControllerId.Trim().Any(char.IsWhiteSpace))
        {
            yield return "Cluster:ControllerId must be at most 100 characters without spaces.";
        }

        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval > TimeSpan.FromMinutes(1))
        {
            yield return "Cluster:HeartbeatInterval must be more than 0 and at most 1 minute.";
        }

        if (LeaseTime < 2 * HeartbeatInterval)
        {
            yield return "Cluster:LeaseTime must be at least twice Cluster:HeartbeatInterval, or a live controller could lose its slots between two renewals.";
        }

        if (ReservationTimeout <= TimeSpan.Zero || ReservationTimeout > TimeSpan.FromSeconds(10))
        {
            yield return "Cluster:ReservationTimeout must be more than 0 and at most 10 s.";
        }

        if (OrphanGrace < HeartbeatInterval)
        {
            yield return "Cluster:OrphanGrace must be at least Cluster:HeartbeatInterval.";
        }
    }
}
