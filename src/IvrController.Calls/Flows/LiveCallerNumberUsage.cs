using IvrController.Rules.CallerId;
using IvrController.Rules.Settings;

namespace IvrController.Flows;

/// <summary>
/// Live counters of our numbers for the caps and the least-used pick: calls in progress, and
/// calls placed today (seeded from the call log at start, reset at midnight of the call
/// centre's <see cref="Day"/>). One per controller; with several controllers on one database
/// <see cref="Cluster.SharedCallerNumbers"/> keeps these counters at the shared counts and the
/// database arbitrates each call.
/// </summary>
public sealed class LiveCallerNumberUsage(TimeProvider time, CallCentreDay day) : ICallerNumberUsage
{
    private readonly CallerNumberCounters _counters = new();

    public CallCentreDay Day { get; } = day;

    public DateTimeOffset StartOfToday => Day.StartOfDay(time.GetUtcNow());

    public CallerNumberReading Read(CallerIdPool pool) => _counters.Reading(pool, Today());

    public int ConcurrentCalls(CallerNumber number) => _counters.For(number.E164).Concurrent;

    public int CallsToday(CallerNumber number) => _counters.For(number.E164).CallsOn(Today());

    /// <summary>Today's calls per number (E.164) as the call log has them, at start.</summary>
    public void SeedToday(IReadOnlyDictionary<string, int> callsToday)
    {
        int today = Today();
        foreach ((string e164, int calls) in callsToday)
        {
            _counters.For(e164).SetCallsOn(today, calls);
        }
    }

    /// <summary>A call on <paramref name="e164"/> starts now; disposing the result ends it (once).</summary>
    public IDisposable Begin(string e164)
    {
        CallerNumberCounter counter = _counters.For(e164);
        counter.Started(Today());
        return new Release(counter);
    }

    /// <summary>Today, the call centre's day, as <see cref="DateOnly.DayNumber"/>: what the shared counts are kept by.</summary>
    public int DayNumber() => Today();

    /// <summary>One number's counter (created at zero on first use).</summary>
    internal CallerNumberCounter Counter(string e164) => _counters.For(e164);

    private int Today() => Day.DayOf(time.GetUtcNow()).DayNumber;

    private sealed class Release(CallerNumberCounter counter) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                counter.Ended();
            }
        }
    }
}
