namespace IvrController.Rules.CallerId;

/// <summary>Usage from two dictionaries keyed by E.164; numbers absent from them count as unused.</summary>
public sealed class CallerNumberUsage(
    IReadOnlyDictionary<string, int> concurrentByE164,
    IReadOnlyDictionary<string, int> callsTodayByE164) : ICallerNumberUsage
{
    /// <summary>Nothing in use: every cap is free.</summary>
    public static CallerNumberUsage None { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>());

    public int ConcurrentCalls(CallerNumber number) => concurrentByE164.GetValueOrDefault(number.E164);

    public int CallsToday(CallerNumber number) => callsTodayByE164.GetValueOrDefault(number.E164);
}
