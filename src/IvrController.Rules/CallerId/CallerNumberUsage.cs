namespace IvrController.Rules.CallerId;

/// <summary>Usage known up front (a what-if in <c>ivrctl explain</c>, a test, a benchmark): fixed counts by E.164.</summary>
public sealed class CallerNumberUsage : ICallerNumberUsage
{
    private const int Day = 0;
    private readonly CallerNumberCounters _counters = new();

    public CallerNumberUsage(IReadOnlyDictionary<string, int> concurrentByE164, IReadOnlyDictionary<string, int> callsTodayByE164)
    {
        ArgumentNullException.ThrowIfNull(concurrentByE164);
        ArgumentNullException.ThrowIfNull(callsTodayByE164);
        foreach (string e164 in concurrentByE164.Keys.Union(callsTodayByE164.Keys))
        {
            _counters.For(e164).Set(concurrentByE164.GetValueOrDefault(e164), Day, callsTodayByE164.GetValueOrDefault(e164));
        }
    }

    public static CallerNumberUsage None { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>());

    public CallerNumberReading Read(CallerIdPool pool) => _counters.Reading(pool, Day);

    /// <summary>One number's calls in progress, by lookup (what a straightforward selector would do).</summary>
    public int ConcurrentCalls(CallerNumber number) => _counters.For(number.E164).Concurrent;

    /// <summary>One number's calls today, by lookup.</summary>
    public int CallsToday(CallerNumber number) => _counters.For(number.E164).CallsOn(Day);
}
