namespace IvrController.Rules.Settings;

/// <summary>
/// The call centre's day: daily caps and the least-used-today pick count calls from midnight in
/// <see cref="Zone"/> (the controller's DayTimeZone). The controller's counters and
/// <c>ivrctl explain</c> both ask this, so they agree on which calls are today's.
/// </summary>
public sealed class CallCentreDay(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The date, in the call centre's zone, of <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Midnight in the call centre's zone that starts the day of <paramref name="instant"/>.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        DateTime midnight = TimeZoneInfo.ConvertTime(instant, Zone).DateTime.Date;
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
