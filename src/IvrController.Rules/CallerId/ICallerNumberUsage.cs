namespace IvrController.Rules.CallerId;

/// <summary>Live usage of our numbers, as a decision needs it: calls in progress and calls today.</summary>
public interface ICallerNumberUsage
{
    /// <summary>The counters of <paramref name="pool"/>'s numbers by pool index, as they stand now.</summary>
    CallerNumberReading Read(CallerIdPool pool);
}
