namespace IvrController.Benchmarks.Parsers;

/// <summary>What a dispatcher reads from every event: which event it is and which channel it is about.</summary>
internal readonly record struct EventIdentity(string EventName, string? UniqueId);
