namespace IvrController.Rules.CallerId;

/// <summary>
/// One caller number's live counters: calls in progress, and calls started on the call centre's day
/// <c>day</c> (a <see cref="DateOnly.DayNumber"/>); a new day reads as zero until its first call.
/// Shared by every rule snapshot's pool, so a decision reads it without a lookup; reads take no lock.
/// </summary>
public sealed class CallerNumberCounter
{
    private int _concurrent;

    // The day in the high 32 bits, that day's calls in the low 32: one atomic word, so a read never
    // pairs one day's count with another day.
    private long _dayAndCalls;

    // The tree of the newest pool this counter is in, and its index there; null when in none.
    private AvailabilitySlot? _slot;

    public int Concurrent => Volatile.Read(ref _concurrent);

    /// <summary>Calls started on <paramref name="day"/>; 0 when the counter's day is another one.</summary>
    public int CallsOn(int day)
    {
        long packed = Volatile.Read(ref _dayAndCalls);
        return (int)(packed >> 32) == day ? (int)packed : 0;
    }

    /// <summary>A call on this number started on <paramref name="day"/>.</summary>
    public void Started(int day)
    {
        long seen, next;
        do
        {
            seen = Volatile.Read(ref _dayAndCalls);
            int calls = (int)(seen >> 32) == day ? (int)seen : 0;
            next = Pack(day, calls + 1);
        }
        while (Interlocked.CompareExchange(ref _dayAndCalls, next, seen) != seen);

        Interlocked.Increment(ref _concurrent);
        Changed();
    }

    /// <summary>A call on this number ended; never below zero.</summary>
    public void Ended()
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _concurrent);
            if (seen == 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _concurrent, seen - 1, seen) != seen);

        Changed();
    }

    /// <summary>Sets the counters as they are known from elsewhere (the call log at start, a test, a what-if).</summary>
    public void Set(int concurrent, int day, int callsThatDay)
    {
        Volatile.Write(ref _dayAndCalls, Pack(day, callsThatDay));
        Volatile.Write(ref _concurrent, concurrent);
        Changed();
    }

    /// <summary>Sets that day's calls, leaving the calls in progress as they are.</summary>
    public void SetCallsOn(int day, int calls)
    {
        Volatile.Write(ref _dayAndCalls, Pack(day, calls));
        Changed();
    }

    /// <summary>From now on this counter's changes refresh <paramref name="availability"/>'s entry <paramref name="index"/>.</summary>
    internal void ReportTo(CallerNumberAvailability availability, int index) =>
        Volatile.Write(ref _slot, new AvailabilitySlot(availability, index));

    /// <summary>Stops reporting to <paramref name="availability"/> (a newer pool left this number out).</summary>
    internal void StopReportingTo(CallerNumberAvailability availability)
    {
        AvailabilitySlot? slot = Volatile.Read(ref _slot);
        if (slot is not null && ReferenceEquals(slot.Availability, availability))
        {
            Interlocked.CompareExchange(ref _slot, null, slot);
        }
    }

    private void Changed()
    {
        if (Volatile.Read(ref _slot) is { } slot)
        {
            slot.Availability.Refresh(slot.Index);
        }
    }

    private static long Pack(int day, int calls) => ((long)day << 32) | (uint)calls;
}

internal sealed record AvailabilitySlot(CallerNumberAvailability Availability, int Index);
