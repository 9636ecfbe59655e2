namespace IvrController.Store.Changes;

/// <summary>
/// "The rules changed; reload the snapshot." <see cref="Tables"/> names the tables the
/// notifications named (for the log); when <see cref="Resync"/> is set, changes may have been
/// missed (the listener has just connected or reconnected) and everything must be reloaded.
/// Several changes that arrive before the consumer looks are merged into one.
/// </summary>
public sealed record RuleChange(IReadOnlySet<string> Tables, bool Resync, DateTimeOffset At)
{
    /// <summary>One change that says as much as both.</summary>
    public RuleChange Merge(RuleChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var tables = new SortedSet<string>(Tables, StringComparer.Ordinal);
        tables.UnionWith(other.Tables);
        return new RuleChange(tables, Resync || other.Resync, At > other.At ? At : other.At);
    }
}
