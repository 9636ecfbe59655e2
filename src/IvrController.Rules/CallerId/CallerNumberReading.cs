namespace IvrController.Rules.CallerId;

/// <summary>
/// The counters one decision reads: a pool's counters by index and the day that "today" means for it
/// (taken once per decision, not once per number), and the pool's <see cref="CallerNumberAvailability"/>
/// when one is kept current.
/// </summary>
public readonly struct CallerNumberReading(CallerNumberCounter[] countersByPoolIndex, int day, CallerNumberAvailability? availability = null)
{
    internal int Day => day;

    /// <summary>The pool's free numbers kept current, or null when the whole-pool tier must scan.</summary>
    internal CallerNumberAvailability? Availability => availability is { Superseded: false } ? availability : null;

    internal int Concurrent(int index) => countersByPoolIndex[index].Concurrent;

    internal int CallsToday(int index) => countersByPoolIndex[index].CallsOn(day);
}
