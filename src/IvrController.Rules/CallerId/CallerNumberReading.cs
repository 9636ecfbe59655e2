namespace IvrController.Rules.CallerId;

/// <summary>
/// The counters one decision reads: a pool's counters by index and the day that "today" means for it
/// (taken once per decision, not once per number).
/// </summary>
public readonly struct CallerNumberReading(CallerNumberCounter[] countersByPoolIndex, int day)
{
    internal int Concurrent(int index) => countersByPoolIndex[index].Concurrent;

    internal int CallsToday(int index) => countersByPoolIndex[index].CallsOn(day);
}
