using System.Threading.Channels;
using IvrController.Retries;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Store.Changes;

/// <summary>
/// Tells the rule cache when to reload: holds one dedicated connection that has run
/// <c>LISTEN ivr_rules_changed</c> (the rule tables' triggers NOTIFY it), merges bursts of
/// notifications into one <see cref="RuleChange"/>, and survives the database going away.
/// </summary>
/// <remarks>
/// NOTIFY is fire-and-forget: whatever is raised while we are not listening is gone. So every
/// time the connection comes up (the first time included) the listener publishes a change with
/// <see cref="RuleChange.Resync"/> set, and a consumer that reloads on each change can never
/// keep a stale snapshot for longer than the outage. Start <see cref="RunAsync"/> before the
/// first load, or treat the first change as "load now".
/// </remarks>
public sealed class RuleChangeListener
{
    /// <summary>The channel the rule tables' triggers notify (see migration 0001).</summary>
    public const string ChannelName = "ivr_rules_changed";

    private static readonly IReadOnlySet<string> NoTables = new SortedSet<string>(StringComparer.Ordinal);

    private readonly ListeningSession _session;
    private readonly RuleChangeListenerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    // Connection loop -> coalescer: every notification and every (re)connect, unmerged.
    private readonly Channel<RuleChange> _arrivals = Channel.CreateUnbounded<RuleChange>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    // Coalescer -> consumer: holds at most one "something is pending" token, and _pending holds
    // the merged change, so a consumer that falls behind finds one change, never a backlog.
    private readonly Channel<bool> _ready = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true });

    private readonly Lock _pendingLock = new();
    private RuleChange? _pending;
    private int _started;

    public RuleChangeListener(
        string connectionString,
        RuleChangeListenerOptions options,
        ILogger<RuleChangeListener> logger,
        TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _session = new ListeningSession(
            connectionString,
            ChannelName,
            options.ApplicationName,
            (int)Math.Ceiling(options.KeepAlive.TotalSeconds),
            // Jitter keeps several controllers from reconnecting in lockstep after a database restart.
            new CappedBackoff(options.InitialReconnectDelay, options.MaxReconnectDelay),
            _time);
    }

    /// <summary>
    /// Waits for the next change and returns it, merged with any others that arrived since the
    /// last call. One consumer only. Throws <see cref="ChannelClosedException"/> once
    /// <see cref="RunAsync"/> has ended and the last change has been read.
    /// </summary>
    public async Task<RuleChange> ReadChangeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            lock (_pendingLock)
            {
                // The token can outlive the change it announced: a change published after we
                // took the token but before we took _pending comes with a token of its own.
                if (_pending is { } change)
                {
                    _pending = null;
                    return change;
                }
            }
        }
    }

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> fires, reconnecting with capped
    /// exponential backoff whenever the connection fails. Database errors never end it; they
    /// are logged with the gap they caused. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("RuleChangeListener.RunAsync may only be called once.");
        }

        Task coalescer = CoalesceAsync(cancellationToken);
        try
        {
            await _session.RunAsync(ListeningAsync, OnNotification, OnLost, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _arrivals.Writer.TryComplete();
            await coalescer.ConfigureAwait(false);
            _ready.Writer.TryComplete();
        }

        _logger.LogInformation("Rule change listener stopped: the host is stopping");
    }

    /// <summary>Wait before reconnect attempt <paramref name="failedAttempts"/> + 1: doubling, capped, minus up to 20 % jitter.</summary>
    internal TimeSpan ReconnectDelay(int failedAttempts) =>
        // Jitter keeps several controllers from reconnecting in lockstep after a database restart.
        new CappedBackoff(_options.InitialReconnectDelay, _options.MaxReconnectDelay).Delay(failedAttempts);

    private Task ListeningAsync(NpgsqlConnection connection, DateTimeOffset? lostAt, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (lostAt is { } since)
        {
            _logger.LogWarning(
                "Listening for rule changes again after {Gap:0.0} s without a connection; notifications of that time are lost, so the rules will be reloaded in full",
                (now - since).TotalSeconds);
        }
        else
        {
            _logger.LogInformation("Listening for rule changes on channel {Channel} (backend pid {Pid})", ChannelName, connection.ProcessID);
        }

        _arrivals.Writer.TryWrite(new RuleChange(NoTables, Resync: true, now));
        return Task.CompletedTask;
    }

    private void OnLost(Exception e, int attempt, TimeSpan retryIn)
    {
        LogLevel level = IsConfigurationError(e) ? LogLevel.Error : LogLevel.Warning;
        // The reason says enough for database and network failures; a stack trace every
        // retry of a long outage would bury it. Anything else keeps its stack trace.
        Exception? detail = e is NpgsqlException or IOException ? null : e;
        _logger.Log(level, detail, "Rule change listener has no connection ({Reason}); attempt {Attempt}, retrying in {Delay:0.0} s",
            Describe(e), attempt, retryIn.TotalSeconds);
    }

    private void OnNotification(string table)
    {
        _logger.LogDebug("Rules changed in table {Table}", table);
        var tables = new SortedSet<string>(StringComparer.Ordinal) { table };
        _arrivals.Writer.TryWrite(new RuleChange(tables, Resync: false, _time.GetUtcNow()));
    }

    // The first arrival opens a window; everything that arrives within it becomes one change.
    // A steady stream of edits therefore still produces a change every window, never starves.
    private async Task CoalesceAsync(CancellationToken cancellationToken)
    {
        ChannelReader<RuleChange> arrivals = _arrivals.Reader;
        while (await arrivals.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_options.CoalesceWindow > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(_options.CoalesceWindow, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: publish what has arrived rather than drop it.
                }
            }

            RuleChange? merged = null;
            while (arrivals.TryRead(out RuleChange? change))
            {
                merged = merged is null ? change : merged.Merge(change);
            }

            if (merged is not null)
            {
                Publish(merged);
            }
        }
    }

    private void Publish(RuleChange change)
    {
        lock (_pendingLock)
        {
            _pending = _pending is null ? change : _pending.Merge(change);
        }

        // Logged once a reader can have it: whoever reads after this line gets the change (merged or not).
        _logger.LogDebug("Rule change published: tables [{Tables}], resync {Resync}", string.Join(", ", change.Tables), change.Resync);
        _ready.Writer.TryWrite(true);
    }

    private static bool IsConfigurationError(Exception e) =>
        // 28xxx: authentication; 3D000: no such database. Retrying cannot fix them, an admin can.
        e is PostgresException { SqlState: var state } && (state.StartsWith("28", StringComparison.Ordinal) || state == "3D000");

    private static string Describe(Exception e) => e switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message}: {inner.Message}",
        _ => e.Message,
    };
}
