namespace IvrController.Store.Snapshots;

/// <summary>Settings of <see cref="LiveRules"/>; the defaults suit production.</summary>
public sealed record LiveRulesOptions
{
    /// <summary>Wait before retrying a reload that failed; doubled after every failure.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reload attempts while the database is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many problems of a snapshot are logged one by one; the rest are counted.</summary>
    public int MaxProblemsLogged { get; init; } = 20;
}
