using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace IvrController.TestSupport;

/// <summary>
/// A fake clock that reports every timer the code under test starts (a per-attempt timeout, a backoff
/// delay, a coalescing window), so a test advances time only once the timer exists: no polling, no
/// races, and no wall-clock deadline for a busy machine to miss.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started, in the order they were started.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Waits for the next timer and lets exactly its due time pass.</summary>
    public async Task<TimeSpan> FireNextTimerAsync()
    {
        TimeSpan due = await NextTimerAsync();
        Advance(due);
        return due;
    }
}
