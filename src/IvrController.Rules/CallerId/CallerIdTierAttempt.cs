namespace IvrController.Rules.CallerId;

/// <summary>One tier looked at: how many numbers it had and how many of them were at a cap.</summary>
public readonly record struct CallerIdTierAttempt(CallerIdTier Tier, int Numbers, int SkippedAtCap)
{
    public int Candidates => Numbers - SkippedAtCap;

    /// <summary>"same city: 3 numbers, 1 at cap".</summary>
    public override string ToString()
    {
        string name = CallerIdText.TierName(Tier);
        return Numbers switch
        {
            0 => $"{name}: no numbers",
            _ when SkippedAtCap == Numbers => $"{name}: {CallerIdText.Count(Numbers, "number")}, all at cap",
            _ when SkippedAtCap > 0 => $"{name}: {CallerIdText.Count(Numbers, "number")}, {SkippedAtCap} at cap",
            _ => $"{name}: {CallerIdText.Count(Numbers, "number")}",
        };
    }
}
