namespace IvrController.Integration.Acceptance;

/// <summary>A switch event as the suite's own event-socket connection saw it: a copy of every header.</summary>
public sealed record SwitchEvent(DateTimeOffset At, IReadOnlyDictionary<string, string> Headers)
{
    public string Name => Header("Event-Name") ?? "";

    public string? UniqueId => Header("Unique-ID");

    public string? Application => Header("Application");

    public string? ApplicationData => Header("Application-Data");

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string? Variable(string name) => Header($"variable_{name}");

    public bool Is(string eventName) => string.Equals(Name, eventName, StringComparison.Ordinal);

    /// <summary>One line for a failure report.</summary>
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Name}{(Header("Event-Subclass") is { } sub ? $" {sub}" : "")} uuid={UniqueId ?? "-"} " +
        $"channel={Header("Channel-Name") ?? "-"} caller={Header("Caller-Caller-ID-Number") ?? "-"} dest={Header("Caller-Destination-Number") ?? "-"}" +
        (Application is null ? "" : $" app={Application}({ApplicationData})") +
        (Header("Hangup-Cause") is { } cause ? $" cause={cause}" : "");
}
