using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IvrController.Store.Tests;

/// <summary>Keeps every log record and lets a test await one, instead of polling for it.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private readonly List<(Func<LogRecord, bool> Match, TaskCompletionSource<LogRecord> Done)> _waiters = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var record = new LogRecord(logLevel, formatter(state, exception), exception);
        lock (_lock)
        {
            _records.Enqueue(record);
            foreach (var waiter in _waiters.Where(w => w.Match(record)).ToArray())
            {
                waiter.Done.TrySetResult(record);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes with the first record (already logged or still to come) that matches.</summary>
    public Task<LogRecord> WaitForAsync(Func<LogRecord, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<LogRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            LogRecord? existing = _records.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(timeout);
    }
}
