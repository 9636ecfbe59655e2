using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace IvrController.Rules.CallerId;

/// <summary>
/// Every caller number's <see cref="CallerNumberCounter"/>, by E.164, and for each rule snapshot's pool the
/// same counters by pool index, built once per pool: a decision then reads counters by index, never by
/// looking a number up (at 10,000 numbers the whole-pool tier made 20,000 string-keyed lookups a decision).
/// The newest pool indexed also gets a <see cref="CallerNumberAvailability"/> that its counters keep current,
/// so its whole-pool tier does not scan.
/// </summary>
public sealed class CallerNumberCounters
{
    private readonly ConcurrentDictionary<string, CallerNumberCounter> _byE164 = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<CallerIdPool, PoolCounters> _byPool = [];
    private readonly Lock _indexing = new();
    private PoolCounters? _newest;

    /// <summary>The counter of one number (created at zero on first use).</summary>
    public CallerNumberCounter For(string e164) => _byE164.GetOrAdd(e164, static _ => new CallerNumberCounter());

    /// <summary>The counters of <paramref name="pool"/>'s enabled numbers, by pool index.</summary>
    public CallerNumberCounter[] ForPool(CallerIdPool pool) => Index(pool).Counters;

    /// <summary>What a decision on <paramref name="pool"/> reads, with <paramref name="day"/> as today.</summary>
    public CallerNumberReading Reading(CallerIdPool pool, int day)
    {
        PoolCounters index = Index(pool);
        return new CallerNumberReading(index.Counters, day, index.Availability);
    }

    private PoolCounters Index(CallerIdPool pool)
    {
        if (_byPool.TryGetValue(pool, out PoolCounters? index))
        {
            return index;
        }

        lock (_indexing)
        {
            if (_byPool.TryGetValue(pool, out index))
            {
                return index;
            }

            CallerNumberCounter[] counters = [.. pool.Enabled.Select(number => For(number.E164))];
            var availability = new CallerNumberAvailability(counters, pool.MaxConcurrentByIndex, pool.DailyCapByIndex);
            for (int i = 0; i < counters.Length; i++)
            {
                counters[i].ReportTo(availability, i);
            }

            // Only the newest tree is kept current: the older one scans from now on, and its numbers that
            // the new pool left out stop refreshing it (so no counter keeps an old tree alive).
            if (_newest is { } older)
            {
                older.Availability.Supersede();
                foreach (CallerNumberCounter counter in older.Counters)
                {
                    counter.StopReportingTo(older.Availability);
                }
            }

            index = new PoolCounters(counters, availability);
            _newest = index;
            _byPool.Add(pool, index);
            return index;
        }
    }

    private sealed record PoolCounters(CallerNumberCounter[] Counters, CallerNumberAvailability Availability);
}
