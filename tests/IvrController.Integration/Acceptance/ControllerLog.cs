using Microsoft.Extensions.Logging;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// Everything the in-process controller logs, kept for waits (its flows log how each call ended)
/// and for the report of a failing test. Added to the host as one more logger provider.
/// </summary>
public sealed class ControllerLog : ILoggerProvider
{
    public Journal<ControllerLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(ControllerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Entries.Add(new ControllerLogEntry(DateTimeOffset.UtcNow, category, logLevel, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}
