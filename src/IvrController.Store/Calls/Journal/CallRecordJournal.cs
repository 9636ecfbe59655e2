using System.Globalization;
using System.Threading.Channels;
using IvrController.Retries;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// The writer the call flows use for call records that must never be lost (DESIGN §3, §5): each
/// record goes to the call log when the database answers within
/// <see cref="CallRecordJournalOptions.DatabaseTimeout"/>, and otherwise to a local append-only
/// journal (JSON Lines, fsync'd before the write returns), which <see cref="RunAsync"/> replays
/// into the database, in order, once it is reachable again.
/// </summary>
/// <remarks>
/// Journal format: numbered segment files <c>segment-NNNNNNNNNNNN.jsonl</c>, one record a line,
/// <c>{"v":1,"type":"outbound_call"|"outbound_call_end"|"survey_result"|"missed_callback","id":…,"createdAt":…,"record":{…}}</c>.
/// Writers append to the newest segment; each replay round seals it and replays the older ones.
/// A record the database refuses (a constraint: a bug, not an outage) is logged as an error and
/// kept in <c>dead-letters.jsonl</c> in the same directory. Thread-safe: any number of calls may
/// write at once.
/// </remarks>
public sealed class CallRecordJournal : IAsyncDisposable
{
    private readonly CallLog _callLog;
    private readonly CallRecordJournalOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly JournalDirectory _directory;
    private readonly SegmentAppender _appender;
    private readonly DeadLetterFile _deadLetters;
    private readonly JournalReplayer _replayer;

    // Writers -> replay loop: "the journal has something new". One token is enough.
    private readonly Channel<bool> _journaled = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock _outageLock = new();
    private DateTimeOffset? _outageSince;
    private DateTimeOffset _directWritesPausedUntil = DateTimeOffset.MinValue;
    private ReplayTally _tally = new();
    private int _started;
    private int _disposed;

    /// <summary>
    /// Opens (creating it if needed) and locks the journal directory. Throws
    /// <see cref="InvalidOperationException"/> when the directory is not writable or another
    /// controller uses it: better to refuse to start than to find out during an outage.
    /// </summary>
    public CallRecordJournal(CallLog callLog, CallRecordJournalOptions options, ILogger<CallRecordJournal> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(callLog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _callLog = callLog;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _directory = JournalDirectory.Open(options.Directory);
        try
        {
            _appender = new SegmentAppender(_directory, options.SegmentSize);
        }
        catch
        {
            _directory.Dispose();
            throw;
        }

        _deadLetters = new DeadLetterFile(_directory.DeadLetterPath, _time);
        // Replay writes one record after another, each after the last one's answer: gathered, each would wait out a window.
        _replayer = new JournalReplayer(_directory, _appender, _deadLetters, callLog.WithoutGathering(), options, logger, _time);
    }

    /// <summary>The journal's directory, as a full path.</summary>
    public string Directory => _directory.Path;

    /// <summary>The file that keeps records the database refused.</summary>
    public string DeadLetterPath => _deadLetters.Path;

    /// <summary>Bytes of records waiting in the journal for the database (/metrics, /readyz); null when the directory cannot be read.</summary>
    public long? BacklogBytes()
    {
        try
        {
            return _directory.PendingBytes();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores the start of an outbound call, in the database or else in the journal, and returns
    /// once it is durable in one of them. <paramref name="cancellationToken"/> only cuts the
    /// database attempt short: the record is then journaled all the same, never dropped.
    /// </summary>
    public Task<CallRecordDestination> WriteAsync(OutboundCallRecord call, CancellationToken cancellationToken) =>
        WriteRecordAsync(call, cancellationToken);

    /// <summary>
    /// Stores how an outbound call ended. An end whose call is not in the database yet (it may
    /// still be in the journal) is journaled and applied after its call.
    /// </summary>
    public Task<CallRecordDestination> WriteAsync(OutboundCallEnd end, CancellationToken cancellationToken) =>
        WriteRecordAsync(end, cancellationToken);

    /// <summary>Stores a survey result, in the database or else in the journal.</summary>
    public Task<CallRecordDestination> WriteAsync(SurveyResultRecord result, CancellationToken cancellationToken) =>
        WriteRecordAsync(result, cancellationToken);

    /// <summary>Stores a missed callback, in the database or else in the journal; a replay never counts it twice.</summary>
    public Task<CallRecordDestination> WriteAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) =>
        WriteRecordAsync(missed, cancellationToken);

    /// <summary>Stores a customer's call to one of our numbers as it ended, in the database or else in the journal.</summary>
    public Task<CallRecordDestination> WriteAsync(InboundCallRecord inbound, CancellationToken cancellationToken) =>
        WriteRecordAsync(inbound, cancellationToken);

    /// <summary>
    /// Replays the journal into the database until <paramref name="cancellationToken"/> fires:
    /// at once for what an earlier run left, then whenever a write is journaled; while the
    /// database is unreachable it retries with capped exponential backoff and jitter. Nothing but
    /// cancellation ends it. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("CallRecordJournal.RunAsync may only be called once.");
        }

        _logger.LogInformation("Call record journal replay started in {Directory}: {Segments} segment(s) from earlier runs to replay",
            _directory.Path, CountSegments());

        int failedAttempts = 0;
        int round = 0;
        bool workPending = true;
        int waitingEnds = 0;
        try
        {
            while (true)
            {
                if (!workPending)
                {
                    await WaitForWorkAsync(round, waitingEnds, cancellationToken).ConfigureAwait(false);
                }

                round++;
                long replayedBefore = _tally.Replayed;
                try
                {
                    waitingEnds = await _replayer.ReplayAsync(_tally, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Anything else (the journal's own disk, say) is no reason to keep calls off the database.
                    bool databaseFailed = e is NpgsqlException or TimeoutException;
                    if (databaseFailed)
                    {
                        MarkDatabaseFailed();
                    }

                    if (_tally.Replayed > replayedBefore)
                    {
                        // The database took records this round, so it is back: a connection that died
                        // with the outage (the pool drops the rest with it) is no reason to wait as long
                        // as during it.
                        failedAttempts = 0;
                    }

                    TimeSpan retryIn = RetryDelay(failedAttempts++);
                    // The timer exists before the line is logged, so whoever reads the line may move a fake clock.
                    Task retry = Task.Delay(retryIn, _time, cancellationToken);
                    _logger.Log(databaseFailed ? LogLevel.Warning : LogLevel.Error, databaseFailed ? null : e,
                        "Call record journal cannot replay ({Reason}); {Bytes} bytes wait in {Directory}; attempt {Attempt}, retrying in {Delay:0.0} s",
                        DatabaseFailure.Describe(e), PendingBytes(), _directory.Path, failedAttempts, retryIn.TotalSeconds);
                    await retry.ConfigureAwait(false);
                    workPending = true;
                    continue;
                }

                failedAttempts = 0;
                workPending = false;
                Summarise(waitingEnds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
            _logger.LogWarning("Call record journal replay stopped: the journal was disposed while replay was running");
            return;
        }

        _logger.LogInformation(
            "Call record journal replay stopped: the host is stopping; {Segments} segment(s) stay in {Directory} and are replayed at the next start",
            CountSegments(), _directory.Path);
    }

    /// <summary>Closes the journal and releases its directory. Stop <see cref="RunAsync"/> first.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _journaled.Writer.TryComplete();
            _appender.Dispose();
            _directory.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Wait before replay attempt <paramref name="failedAttempts"/> + 1: doubling, capped, minus up to 20 % jitter.</summary>
    internal TimeSpan RetryDelay(int failedAttempts) =>
        // Jitter keeps controllers that lost the same database from all replaying at the same instant.
        new CappedBackoff(_options.InitialRetryDelay, _options.MaxRetryDelay).Delay(failedAttempts);

    private async Task<CallRecordDestination> WriteRecordAsync(object record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        DateTimeOffset now = _time.GetUtcNow();
        var entry = new JournalEntry(Guid.CreateVersion7(now), now, record);

        if (DirectWritesPaused(now))
        {
            return await JournalAsync(entry, "the database failed a moment ago").ConfigureAwait(false);
        }

        try
        {
            ApplyOutcome outcome = await entry.ApplyAsync(_callLog, _options.DatabaseTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (outcome == ApplyOutcome.NoSuchCall)
            {
                // Its call may be waiting in the journal: replay is in order, so it lands after it.
                return await JournalAsync(entry, "its call is not stored yet").ConfigureAwait(false);
            }

            return CallRecordDestination.Database;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await JournalAsync(entry, "the write was cancelled").ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailure.IsRefusal(e))
        {
            _deadLetters.Append($"refused by the database: {DatabaseFailure.Describe(e)}", "write", JournalCodec.Encode(entry));
            _logger.LogError("The database refused the {Record}: {Reason}. This is a bug in what the controller wrote; the record is kept in {DeadLetters}",
                entry.Describe(), DatabaseFailure.Describe(e), _deadLetters.Path);
            return CallRecordDestination.DeadLetter;
        }
        catch (Exception e)
        {
            // A caller that gave up may have caused the error; that says nothing about the database.
            if (!cancellationToken.IsCancellationRequested)
            {
                MarkDatabaseFailed(e);
            }

            return await JournalAsync(entry, DatabaseFailure.Describe(e)).ConfigureAwait(false);
        }
    }

    private async Task<CallRecordDestination> JournalAsync(JournalEntry entry, string why)
    {
        try
        {
            await _appender.AppendAsync(JournalCodec.Encode(entry)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "The {Record} could not be written to the database ({Why}) nor to the journal in {Directory}; it is lost",
                entry.Describe(), why, _directory.Path);
            throw;
        }

        _journaled.Writer.TryWrite(true);
        _logger.LogDebug("Journaled the {Record}: {Why}", entry.Describe(), why);
        return CallRecordDestination.Journal;
    }

    private bool DirectWritesPaused(DateTimeOffset now)
    {
        lock (_outageLock)
        {
            return now < _directWritesPausedUntil;
        }
    }

    private void MarkDatabaseFailed(Exception? reason = null)
    {
        DateTimeOffset now = _time.GetUtcNow();
        bool started;
        lock (_outageLock)
        {
            started = _outageSince is null;
            _outageSince ??= now;
            _directWritesPausedUntil = now + _options.DirectRetryInterval;
        }

        if (started && reason is not null)
        {
            _logger.LogWarning("Call records cannot reach the database ({Reason}); they are kept in the journal in {Directory} until it returns",
                DatabaseFailure.Describe(reason), _directory.Path);
        }
    }

    private void Summarise(int waitingEnds)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ReplayTally tally = _tally;
        DateTimeOffset? outageSince;
        lock (_outageLock)
        {
            // The database answered every write of this round: calls may write to it directly again.
            _directWritesPausedUntil = DateTimeOffset.MinValue;
            outageSince = _outageSince;
            if (tally.Replayed > 0 || tally.TornLines > 0)
            {
                _outageSince = null;
                _tally = new ReplayTally();
            }
        }

        if (tally.Replayed > 0 || tally.TornLines > 0)
        {
            // The outage began at the first failure this process saw, or earlier if the journal
            // holds older records (a previous run journaled them).
            DateTimeOffset since = new[] { outageSince, tally.OldestRecord, now }.Where(t => t.HasValue).Min()!.Value;
            _logger.LogInformation(
                "Replayed {Replayed:N0} call records after an outage of {Outage}: {Written:N0} written, {AlreadyStored:N0} already stored, {DeadLettered:N0} dead-lettered, {Torn} torn line(s) skipped, {Waiting} call end(s) still waiting for their call",
                tally.Replayed, DescribeDuration(now - since), tally.Written, tally.AlreadyStored, tally.DeadLettered, tally.TornLines, waitingEnds);
        }
    }

    private async Task WaitForWorkAsync(int round, int waitingEnds, CancellationToken cancellationToken)
    {
        if (waitingEnds == 0)
        {
            await _journaled.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task retry = Task.Delay(_options.UnmatchedEndRetryInterval, _time, stop.Token);
        Task<bool> journaled = _journaled.Reader.WaitToReadAsync(stop.Token).AsTask();
        _logger.LogDebug("Replay round {Round} left {Waiting} call end(s) waiting for their call; next try in {Delay:0} s or at the next journaled record",
            round, waitingEnds, _options.UnmatchedEndRetryInterval.TotalSeconds);
        await Task.WhenAny(retry, journaled).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _journaled.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // For log lines only: a directory that went away must not turn a log line into a crash.
    private string CountSegments() => Measure(() => _directory.Segments().Count.ToString(CultureInfo.InvariantCulture));

    private string PendingBytes() => Measure(() => _directory.PendingBytes().ToString("N0", CultureInfo.InvariantCulture));

    private static string Measure(Func<string> measure)
    {
        try
        {
            return measure();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"an unknown number of ({e.Message})";
        }
    }

    private static string DescribeDuration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)duration.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)Math.Round(duration.TotalMinutes)} min",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes} min",
    };
}
