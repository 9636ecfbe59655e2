namespace IvrController.Rules.CallerId;

/// <summary>
/// No number may be used for this call. The flow tells the agent (prompt and hang-up cause) and logs the
/// reason; it never falls back to the agent's extension, which would show customers an internal number.
/// </summary>
public sealed class NoCallerNumberAvailable : CallerIdOutcome
{
    internal NoCallerNumberAvailable(CallerIdRequest request, IReadOnlyList<CallerIdTierAttempt> attempts, NoCallerNumberReason why)
        : base(request, attempts)
    {
        Why = why;
    }

    public NoCallerNumberReason Why { get; }

    public override string Reason => Why == NoCallerNumberReason.EmptyPool
        ? $"rule {CallerIdText.RuleName(Rule)}: callee {Callee}; no caller number available: the pool has no enabled number"
        : $"{Preamble()} → no caller number available: every number is at its concurrency or daily cap";
}
