namespace IvrController.Admin;

/// <summary>An audit entry as it was written, with its time (UTC).</summary>
public sealed record AuditRecord(long Id, DateTime At, string Who, string Action, string Detail);
