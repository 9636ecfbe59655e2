using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// The controller's console log: one line per entry (<c>2026-12-03 10:15:02.123 info: Category[0] message</c>,
/// UTC), written in batches. The framework's console logger wakes its writer thread for every line, and a call
/// logs four; on a controller that sleeps between a call's messages those wake-ups were a third of all the
/// futex calls and a visible share of its CPU. Here a line is formatted on the caller's thread into a buffer,
/// and the buffer is written when <see cref="FlushDelay"/> has passed since the first line in it — at most one
/// write a second however busy the site, none when it is idle (each write costs a timer and a pool worker
/// waking; at ten a second that was still two wake-ups a call at 5 calls/s). Warnings and errors are written at once
/// (with whatever came before them), and everything is written when the host stops. A batch goes out in one
/// write (<see cref="ForStandardOutput"/>): <see cref="Console.Out"/> would cut it into a write per 256 characters.
/// </summary>
public sealed class BatchedConsoleLog : ILoggerProvider
{
    /// <summary>How long a line may wait in the buffer.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    private readonly TextWriter _output;
    private readonly object _outputLock;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Lock _writing = new();
    private readonly ITimer _flushTimer;
    private StringBuilder _buffer = new();
    private StringBuilder _spare = new();
    private bool _flushArmed;
    private bool _disposed;

    /// <param name="output">Where batches go; flushed after each.</param>
    /// <param name="time">The clock of the timestamps and the flush delay.</param>
    /// <param name="outputLock">Held while a batch is written, by whoever else writes to the same place; the output itself by default.</param>
    public BatchedConsoleLog(TextWriter output, TimeProvider? time = null, object? outputLock = null)
    {
        _output = output;
        _outputLock = outputLock ?? output;
        _time = time ?? TimeProvider.System;
        _flushTimer = _time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// The process's standard output through a writer of its own, big enough for a batch, so a batch is one write. The
    /// lock is <see cref="Console.Out"/>'s (a synchronised writer locks itself): lines others write there never land
    /// inside a batch, nor a batch inside theirs.
    /// </summary>
    public static BatchedConsoleLog ForStandardOutput()
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024)
        {
            AutoFlush = false,
        };
        return new BatchedConsoleLog(output, TimeProvider.System, Console.Out);
    }

    public ILogger CreateLogger(string categoryName) => new CategoryLog(this, categoryName);

    /// <summary>Writes everything buffered so far.</summary>
    public void Flush()
    {
        // One flush at a time: the batch being written is the next flush's empty buffer, so it must be
        // written and cleared before anyone swaps again. Lines keep arriving in the other buffer meanwhile.
        lock (_writing)
        {
            StringBuilder batch;
            lock (_lock)
            {
                _flushArmed = false;
                if (_buffer.Length == 0)
                {
                    return;
                }

                batch = _buffer;
                _buffer = _spare;
                _spare = batch;
            }

            // Whole lines, under the lock others writing to the same place hold: a batch never interleaves with their lines.
            lock (_outputLock)
            {
                _output.Write(batch);
                _output.Flush();
            }

            batch.Clear();
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        lock (_lock)
        {
            _disposed = true;
        }

        _flushTimer.Dispose();
        Flush();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Flush();

    private void Append(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        bool now = level >= LogLevel.Warning;
        lock (_lock)
        {
            // Formatted into the buffer itself: no string per timestamp or event id.
            AppendTimestamp(_buffer, _time.GetUtcNow().UtcDateTime);
            _buffer.Append(CultureInfo.InvariantCulture, $" {LevelWord(level)}: {category}[{eventId.Id}] {message}\n");
            if (exception is not null)
            {
                _buffer.Append(exception).Append('\n');
            }

            if (_disposed)
            {
                now = true;
            }
            else if (!now && !_flushArmed)
            {
                _flushArmed = true;
                _flushTimer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }

        if (now)
        {
            Flush();
        }
    }

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss.fff</c> from the runtime's sortable format (<c>s</c>, written without parsing a pattern)
    /// and the milliseconds: the custom pattern is parsed again for every line (about 90 ns a line against 10, and 0.9%
    /// of the controller's CPU at 40 calls/s in a profile).
    /// </summary>
    private static void AppendTimestamp(StringBuilder text, DateTime at)
    {
        Span<char> stamp = stackalloc char[23];
        at.TryFormat(stamp, out _, "s", CultureInfo.InvariantCulture);
        stamp[10] = ' ';
        stamp[19] = '.';
        int millisecond = at.Millisecond;
        stamp[20] = (char)('0' + (millisecond / 100));
        stamp[21] = (char)('0' + (millisecond / 10 % 10));
        stamp[22] = (char)('0' + (millisecond % 10));
        text.Append(stamp);
    }

    private static string LevelWord(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private sealed class CategoryLog(BatchedConsoleLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string message = formatter(state, exception);
            if (message.Length == 0 && exception is null)
            {
                return;
            }

            log.Append(logLevel, category, eventId, message, exception);
        }
    }
}
