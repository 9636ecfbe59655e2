namespace IvrController.FakeSwitch;

/// <summary>A dialplan application the controller asked the switch to run (<c>sendmsg</c> execute).</summary>
public sealed record ExecutedApplication(string Name, string? Argument, string EventUuid, ReceivedCommand Command)
{
    /// <summary>The argument split on spaces, as applications like play_and_get_digits read it.</summary>
    public IReadOnlyList<string> ArgumentFields => (Argument ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"{Name} {Argument}".TrimEnd();
}
