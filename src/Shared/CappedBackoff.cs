namespace IvrController.Retries;

/// <summary>
/// The one way this service waits between attempts at something that failed (the switch's event socket, the
/// database's LISTEN connection, the call-record journal's replay, a rules reload, the CRM): the first wait is
/// <see cref="Initial"/>, each later one doubles, none exceeds <see cref="Max"/>, and each is shortened at random
/// by up to <see cref="JitterShare"/> of itself so that many controllers (or many calls) that failed together do
/// not retry together.
/// </summary>
/// <remarks>
/// One source file compiled into each assembly that retries (linked from src/Shared), so the ESL layer needs no
/// reference to the store or the rules to share it.
/// </remarks>
internal readonly record struct CappedBackoff(TimeSpan Initial, TimeSpan Max, double JitterShare = 0.2)
{
    /// <summary>The wait that follows <paramref name="earlierWaits"/> earlier waits in the same run of failures.</summary>
    /// <param name="earlierWaits">0 for the first wait after a failure, 1 for the second, and so on.</param>
    /// <param name="jitterSample">A number in [0, 1): where in the jitter range this wait falls.</param>
    public TimeSpan Delay(int earlierWaits, double jitterSample)
    {
        // 2^30 × any sane initial delay is beyond every cap; the clamp only keeps Math.Pow finite.
        int doublings = Math.Clamp(earlierWaits, 0, 30);
        double exponential = Initial.TotalMilliseconds * Math.Pow(2, doublings);
        double capped = Math.Min(exponential, Max.TotalMilliseconds);
        double sample = Math.Clamp(jitterSample, 0, 1);
        return TimeSpan.FromMilliseconds(capped * (1 - (JitterShare * sample)));
    }

    /// <summary>The same, with a jitter sample from <see cref="Random.Shared"/>.</summary>
    public TimeSpan Delay(int earlierWaits) => Delay(earlierWaits, Random.Shared.NextDouble());
}
