namespace IvrController.Flows;

/// <summary>How many calls ended each way since the controller started: the numbers a metrics endpoint will show.</summary>
public sealed class CallOutcomeCounts
{
    private readonly long[] _counts = new long[Enum.GetValues<CallOutcomeKind>().Length];

    public void Count(CallOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Interlocked.Increment(ref _counts[(int)outcome.Kind]);
    }

    public long this[CallOutcomeKind kind] => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>Every kind with its count, in the enum's order.</summary>
    public IReadOnlyList<KeyValuePair<CallOutcomeKind, long>> Snapshot() =>
        [.. Enum.GetValues<CallOutcomeKind>().Select(kind => new KeyValuePair<CallOutcomeKind, long>(kind, this[kind]))];
}
