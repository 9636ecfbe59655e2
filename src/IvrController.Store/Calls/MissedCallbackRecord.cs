namespace IvrController.Store.Calls;

/// <summary>A returning customer whose agent could not take the call (callback mode 1).</summary>
public sealed record MissedCallbackRecord(string AgentId, string CustomerNumber, string CalledNumber, DateTimeOffset At);
