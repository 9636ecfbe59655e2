using Microsoft.Extensions.Logging;

namespace IvrController.Integration.Acceptance;

/// <summary>One line the in-process controller logged.</summary>
public sealed record ControllerLogEntry(DateTimeOffset At, string Category, LogLevel Level, string Message, string? Exception)
{
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Level,-11} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
}
