namespace IvrController.FakeSwitch;

/// <summary>A frame the fake switch wrote: its Content-Type, the event name for events, and the exact text.</summary>
public sealed record SentFrame(string ContentType, string? EventName, string Text)
{
    public override string ToString() => EventName ?? ContentType;
}
