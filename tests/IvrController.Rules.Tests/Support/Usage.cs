using IvrController.Rules.CallerId;

namespace IvrController.Rules.Tests.Support;

/// <summary>Scripted counters by E.164, and a tally of how many numbers a decision read.</summary>
internal sealed class Usage : ICallerNumberUsage
{
    private readonly Dictionary<string, int> _concurrent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _today = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public Usage Concurrent(CallerNumber number, int calls)
    {
        _concurrent[number.E164] = calls;
        return this;
    }

    public Usage Today(CallerNumber number, int calls)
    {
        _today[number.E164] = calls;
        return this;
    }

    public int ConcurrentCalls(CallerNumber number)
    {
        Reads++;
        return _concurrent.GetValueOrDefault(number.E164);
    }

    public int CallsToday(CallerNumber number)
    {
        Reads++;
        return _today.GetValueOrDefault(number.E164);
    }
}
