namespace IvrController.Store.Calls;

/// <summary>A missed callback of the report. <see cref="CustomerNumber"/> is the real number: mask it before showing it.</summary>
public sealed record MissedCallbackRow(long Id, string AgentId, string CustomerNumber, string? CustomerId, string CalledNumber, DateTime At);
