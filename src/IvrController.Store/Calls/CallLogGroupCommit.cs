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
/// write is gathered only when the last second brought at least <see cref="WritesWorthAWindow"/> writes per window
/// (like PostgreSQL's own <c>commit_delay</c>, which waits only when enough other transactions are active): a quiet
/// site writes at once, a busy one waits at most one window for a record nobody on the phone waits for. Batches run
/// independently, each on its own connection, so a stuck one holds up only its own writes. A batch the database
/// refuses (one record breaking a rule of the schema rolls the whole batch back) is tried again one write at a
/// time, so that only the faulty record is refused.
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
    /// wait; the statement may still run (every call log write is idempotent).
    /// </summary>
    public Task<int> ExecuteAsync(CallLogStatement statement, CancellationToken cancellationToken)
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
                return gathered.Rows.Task.WaitAsync(cancellationToken);
            }
        }

        return ExecuteAloneAsync(statement, cancellationToken);
    }

    private async Task<int> ExecuteAloneAsync(CallLogStatement statement, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        NpgsqlBatchCommand command = statement.Command();
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return command.RecordsAffected;
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
            rows = await ExecuteBatchAsync(writes).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (failure is not null && writes.Count > 1 && DatabaseFailure.IsRefusal(failure))
        {
            // One record broke a rule and took the batch's transaction with it: each again alone, so only it is refused.
            foreach (GatheredWrite write in writes)
            {
                try
                {
                    write.Rows.TrySetResult(await ExecuteAloneAsync(write.Statement, CancellationToken.None).ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    write.Rows.TrySetException(e);
                }
            }

            return;
        }

        // Completed after the connection went back to the pool: each writer's call goes on from here.
        for (int i = 0; i < writes.Count; i++)
        {
            if (rows is not null)
            {
                writes[i].Rows.TrySetResult(rows[i]);
            }
            else
            {
                writes[i].Rows.TrySetException(failure!);
            }
        }
    }

    private async Task<int[]> ExecuteBatchAsync(List<GatheredWrite> writes)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var commands = new NpgsqlBatchCommand[writes.Count];
        for (int i = 0; i < writes.Count; i++)
        {
            commands[i] = writes[i].Statement.Command();
            batch.BatchCommands.Add(commands[i]);
        }

        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        return Array.ConvertAll(commands, command => command.RecordsAffected);
    }

    private sealed class GatheredWrite(CallLogStatement statement)
    {
        public CallLogStatement Statement { get; } = statement;

        // Continuations run on the thread that completes the batch, as they would after a write's own answer.
        public TaskCompletionSource<int> Rows { get; } = new();
    }
}
