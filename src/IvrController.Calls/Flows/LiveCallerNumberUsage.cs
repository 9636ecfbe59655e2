using System.Collections.Concurrent;
using IvrController.Rules.CallerId;
using IvrController.Rules.Settings;

namespace IvrController.Flows;

/// <summary>
/// Live counters of our numbers for the caps and the least-used pick: calls in progress, and
/// calls placed today (seeded from the call log at start, reset at midnight of the call
/// centre's <see cref="Day"/>). One per controller: with several controllers the daily count is
/// per controller until the next start re-reads the log.
/// </summary>
public sealed class LiveCallerNumberUsage(TimeProvider time, CallCentreDay day) : ICallerNumberUsage
{
    private readonly ConcurrentDictionary<string, int> _concurrent = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, int> _today = new(StringComparer.Ordinal);
    private DateOnly _day = day.DayOf(time.GetUtcNow());

    public CallCentreDay Day { get; } = day;

    /// <summary>The start of today, for reading today's calls from the log.</summary>
    public DateTimeOffset StartOfToday => Day.StartOfDay(time.GetUtcNow());

    public int ConcurrentCalls(CallerNumber number) => _concurrent.GetValueOrDefault(number.E164);

    public int CallsToday(CallerNumber number) => Today().GetValueOrDefault(number.E164);

    /// <summary>Replaces today's counts (from the call log at start).</summary>
    public void SeedToday(IReadOnlyDictionary<string, int> callsToday)
    {
        Today();
        _today = new ConcurrentDictionary<string, int>(callsToday, StringComparer.Ordinal);
    }

    /// <summary>A call starts presenting <paramref name="e164"/>; dispose the result when it ends.</summary>
    public IDisposable Begin(string e164)
    {
        Today().AddOrUpdate(e164, 1, (_, n) => n + 1);
        _concurrent.AddOrUpdate(e164, 1, (_, n) => n + 1);
        return new Release(this, e164);
    }

    private ConcurrentDictionary<string, int> Today()
    {
        DateOnly day = Day.DayOf(time.GetUtcNow());
        if (day != _day)
        {
            _day = day;
            _today = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        }

        return _today;
    }

    private sealed class Release(LiveCallerNumberUsage usage, string e164) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                usage._concurrent.AddOrUpdate(e164, 0, (_, n) => Math.Max(0, n - 1));
            }
        }
    }
}
