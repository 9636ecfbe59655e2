namespace IvrController.Rules.CallerId;

/// <summary>The number the customer will see, and how it was chosen.</summary>
public sealed class CallerIdDecision : CallerIdOutcome
{
    internal CallerIdDecision(
        CallerIdRequest request,
        IReadOnlyList<CallerIdTierAttempt> attempts,
        CallerNumber number,
        int callsTodayOfPick,
        int tiedAtLeastUse)
        : base(request, attempts)
    {
        Number = number;
        CallsTodayOfPick = callsTodayOfPick;
        TiedAtLeastUse = tiedAtLeastUse;
    }

    public CallerNumber Number { get; }

    /// <summary>
    /// The same request refused after all: the shared counts of every controller (the database) found the
    /// numbers chosen at a cap that this controller's own counters had not reached yet.
    /// </summary>
    public NoCallerNumberAvailable AtCapElsewhere() => new(Request, Attempts, NoCallerNumberReason.AllAtCap);

    public CallerIdTier Tier => Attempts[^1].Tier;

    public CandidatePick Pick => Request.Pick;

    /// <summary>Numbers of the deciding tier that were not at a cap.</summary>
    public int CandidateCount => Attempts[^1].Candidates;

    /// <summary>Numbers of the deciding tier skipped because they were at their concurrency or daily cap.</summary>
    public int SkippedAtCap => Attempts[^1].SkippedAtCap;

    /// <summary>Least-used pick: the calls today of the chosen number (the minimum); 0 for a random pick.</summary>
    public int CallsTodayOfPick { get; }

    /// <summary>Least-used pick: how many candidates shared the minimum; 0 for a random pick.</summary>
    public int TiedAtLeastUse { get; }

    /// <summary>
    /// "rule skill group: callee 138****5678, agent 1001 in 2 outbound skill groups; skill group: 3 numbers,
    /// 1 at cap → +862152810000 at random among 2 candidates".
    /// </summary>
    public override string Reason
    {
        get
        {
            string how = Pick == CandidatePick.LeastUsedToday
                ? $"least used today ({CallerIdText.Count(CallsTodayOfPick, "call")}, {TiedAtLeastUse} tied) among {CallerIdText.Count(CandidateCount, "candidate")}"
                : $"at random among {CallerIdText.Count(CandidateCount, "candidate")}";
            return $"{Preamble()} → {Number.E164} {how}";
        }
    }
}
