using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// The log of one switch's event-socket client and presence when the controller serves several: the category
/// carries the switch's name (<c>IvrController.Presence.PresenceTracker[sw2]</c>), so "presence rebuilt" says which.
/// </summary>
public sealed class SwitchLogger<T>(ILoggerFactory factory, string switchName) : ILogger<T>
{
    private readonly ILogger _inner = factory.CreateLogger($"{typeof(T).FullName}[{switchName}]");

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
