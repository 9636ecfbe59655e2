namespace IvrController.Store.Calls;

/// <summary>
/// One call of the calls report, outbound or inbound. <see cref="Kind"/> is outbound, callback or ivr;
/// <see cref="CustomerNumber"/> is the real number (mask it before showing it), <see cref="CustomerId"/>
/// the customer_ids table's ID for it, if any; <see cref="OurNumber"/> the number the customer saw or dialled;
/// <see cref="Tier"/> the caller-ID tier of an outbound call; <see cref="SwitchName"/> the switch it ran on
/// (null for calls from before switches were recorded, or whose switch was not known).
/// </summary>
public sealed record CallHistoryRow(
    Guid CallUuid,
    string Kind,
    string? AgentId,
    string CustomerNumber,
    string? CustomerId,
    string? OurNumber,
    string? Tier,
    string? Outcome,
    DateTime StartedAt,
    DateTime? EndedAt,
    string? SwitchName)
{
    public const string Outbound = "outbound";

    /// <summary>Seconds from start to end; null while the end is not recorded.</summary>
    public double? DurationSeconds => EndedAt is { } ended ? Math.Max(0, (ended - StartedAt).TotalSeconds) : null;
}
