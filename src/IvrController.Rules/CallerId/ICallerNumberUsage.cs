namespace IvrController.Rules.CallerId;

/// <summary>
/// How busy our numbers are right now. The flows implement it over their live counters, so a decision
/// reads only the numbers it looks at instead of copying every counter per call.
/// </summary>
public interface ICallerNumberUsage
{
    /// <summary>Calls on the number at this moment.</summary>
    int ConcurrentCalls(CallerNumber number);

    /// <summary>Outbound calls placed with the number today.</summary>
    int CallsToday(CallerNumber number);
}
