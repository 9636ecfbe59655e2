namespace IvrController.Store.Calls;

/// <summary>A row of the calls report. <see cref="CustomerNumber"/> is the real number: mask it before showing it.</summary>
public sealed record CallReportRow(
    Guid CallUuid,
    string AgentId,
    string CustomerNumber,
    string? CallerNumber,
    string? Tier,
    string? Disposition,
    DateTime StartedAt,
    DateTime? EndedAt);
