using IvrController.Rules.CallerId;

namespace IvrController.Rules.Tests.Support;

/// <summary>Scripted counters by E.164, on the same counters the controller uses.</summary>
internal sealed class Usage : ICallerNumberUsage
{
    private const int Day = 1;
    private readonly CallerNumberCounters _counters = new();

    public Usage Concurrent(CallerNumber number, int calls)
    {
        CallerNumberCounter counter = _counters.For(number.E164);
        counter.Set(calls, Day, counter.CallsOn(Day));
        return this;
    }

    public Usage Today(CallerNumber number, int calls)
    {
        _counters.For(number.E164).SetCallsOn(Day, calls);
        return this;
    }

    public CallerNumberReading Read(CallerIdPool pool) => _counters.Reading(pool, Day);
}
