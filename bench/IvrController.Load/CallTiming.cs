namespace IvrController.Load;

/// <summary>One conversation's result: its kind, whether every leg went as scripted, and connect → bridge sent.</summary>
internal sealed record CallTiming(CallKind Kind, bool Ok, TimeSpan? ConnectToBridge, string? Failure);
