using IvrController.Store.Calls.Journal;
using Npgsql;

namespace IvrController.Store.Calls;

/// <summary>
/// The call log's writes on their way to the database: each alone in its own round trip while they come one at a
/// time, gathered for a short window and sent as one batch (one transaction) when they come thick and fast.
/// </summary>
/// <remarks>
/// A round trip costs the controller more than its statement: a pooled connection taken and given back, the
/// command's machinery, a send, a sleep and a wake-up for the answer. Under load (every call writes its start, its
/// end and its survey's answer) a few writes share one. Gathering is not free either: the window's timer wakes a
/// timer thread and a pool worker, where each write alone would have woken the process once for its answer. So a
/// write is gathered only once the last second, or this one so far, brought <see cref="WritesWorthAWindow"/> writes
/// per window (like PostgreSQL's own <c>commit_delay</c>, which waits only while enough other transactions are
/// active): a quiet site writes at once, a busy one lets each write wait at most one window. Batches run
/// independently, each on a connection of its own, so a slow one does not hold up the writes gathered after it. A
/// batch the server fails (one record breaking a rule of the schema, or two batches' ends deadlocking on their caller
/// numbers' slots, rolls the whole transaction back) is tried again one write at a time, all at once, so that each
/// write gets its own answer.
/// </remarks>
internal sealed class CallLogGroupCommit
{
    /// <summary>How many writes a window must expect before gathering pays for its timer's wake-ups.</summary>
    public const int WritesWorthAWindow = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ITimer? _windowEnd;
    private readonly int _busyWritesPerSecond;
    private readonly Lock _lock = new();
    private List<GatheredWrite>? _gathering;
    private long _second;
    private int _writesThisSecond;
    private int _writesLastSecond;

    /// <summary>A <paramref name="window"/> of zero sends every write at once.</summary>
    public CallLogGroupCommit(NpgsqlDataSource dataSource, TimeSpan window, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, CallLog.LongestGatherWindow);
        _dataSource = dataSource;
        _window = window;
        _time = time;
        if (window > TimeSpan.Zero)
        {
            _busyWritesPerSecond = (int)Math.Ceiling(WritesWorthAWindow / window.TotalSeconds);
            _windowEnd = time.CreateTimer(_ => SendGathered(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Runs <paramref name="statement"/> and returns the rows it affected. <paramref name="cancellationToken"/> stops the
    /// wait; a gathered statement still runs with its batch.
    /// </summary>
    public async Task<int> ExecuteAsync(CallLogStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (_windowEnd is not null)
        {
            GatheredWrite? gathered = null;
            lock (_lock)
            {
                bool busy = CountWrite();
                if (_gathering is not null)
                {
                    gathered = new GatheredWrite(statement);
                    _gathering.Add(gathered);
                }
                else if (busy)
                {
                    gathered = new GatheredWrite(statement);
                    _gathering = [gathered];
                    _windowEnd.Change(_window, Timeout.InfiniteTimeSpan);
                }
            }

            if (gathered is not null)
            {
                return await gathered.RowsAffected.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return (await RunAsync([statement], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Runs <paramref name="statements"/> in one batch, one transaction; the rows each affected.</summary>
    private async Task<int[]> RunAsync(CallLogStatement[] statements, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var commands = new NpgsqlBatchCommand[statements.Length];
        for (int i = 0; i < commands.Length; i++)
        {
            commands[i] = statements[i].Command();
            batch.BatchCommands.Add(commands[i]);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return Array.ConvertAll(commands, command => command.RecordsAffected);
    }

    /// <summary>Counts a write in its second; true when the last second (or this one already) was busy enough to gather.</summary>
    private bool CountWrite()
    {
        long second = _time.GetTimestamp() / _time.TimestampFrequency;
        if (second != _second)
        {
            _writesLastSecond = second == _second + 1 ? _writesThisSecond : 0;
            _writesThisSecond = 0;
            _second = second;
        }

        _writesThisSecond++;
        return _writesLastSecond >= _busyWritesPerSecond || _writesThisSecond >= _busyWritesPerSecond;
    }

    private void SendGathered()
    {
        List<GatheredWrite>? batch;
        lock (_lock)
        {
            batch = _gathering;
            _gathering = null;
        }

        if (batch is not null)
        {
            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(List<GatheredWrite> writes)
    {
        int[]? rows = null;
        Exception? failure = null;
        try
        {
            rows = await RunAsync([.. writes.Select(write => write.Statement)], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (failure is not null && writes.Count > 1 && (failure is PostgresException || DatabaseFailure.IsRefusal(failure)))
        {
            // The server answered, for the whole transaction: each write again, alone, for an answer of its own.
            await Task.WhenAll(writes.Select(SendAloneAsync)).ConfigureAwait(false);
            return;
        }

        // Completed after the connection went back to the pool: each writer's call goes on from here.
        for (int i = 0; i < writes.Count; i++)
        {
            if (rows is not null)
            {
                writes[i].RowsAffected.TrySetResult(rows[i]);
            }
            else
            {
                writes[i].RowsAffected.TrySetException(failure!);
            }
        }
    }

    private async Task SendAloneAsync(GatheredWrite write)
    {
        try
        {
            write.RowsAffected.TrySetResult((await RunAsync([write.Statement], CancellationToken.None).ConfigureAwait(false))[0]);
        }
        catch (Exception e)
        {
            write.RowsAffected.TrySetException(e);
        }
    }

    private sealed class GatheredWrite(CallLogStatement statement)
    {
        public CallLogStatement Statement { get; } = statement;

        // Continuations run on the thread that completes the batch, as they would after a write's own answer.
        public TaskCompletionSource<int> RowsAffected { get; } = new();
    }
}
