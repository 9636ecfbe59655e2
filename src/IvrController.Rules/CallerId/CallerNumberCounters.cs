using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace IvrController.Rules.CallerId;

/// <summary>
/// Every caller number's <see cref="CallerNumberCounter"/>, by E.164, and for each rule snapshot's pool the
/// same counters by pool index, built once per pool: a decision then reads counters by index, never by
/// looking a number up (at 10,000 numbers the whole-pool tier made 20,000 string-keyed lookups a decision).
/// </summary>
public sealed class CallerNumberCounters
{
    private readonly ConcurrentDictionary<string, CallerNumberCounter> _byE164 = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<CallerIdPool, CallerNumberCounter[]> _byPool = [];
    private readonly ConditionalWeakTable<CallerIdPool, CallerNumberCounter[]>.CreateValueCallback _index;

    public CallerNumberCounters()
    {
        _index = pool => [.. pool.Enabled.Select(number => For(number.E164))];
    }

    /// <summary>The counter of one number (created at zero on first use).</summary>
    public CallerNumberCounter For(string e164) => _byE164.GetOrAdd(e164, static _ => new CallerNumberCounter());

    /// <summary>The counters of <paramref name="pool"/>'s enabled numbers, by pool index.</summary>
    public CallerNumberCounter[] ForPool(CallerIdPool pool) => _byPool.GetValue(pool, _index);
}
