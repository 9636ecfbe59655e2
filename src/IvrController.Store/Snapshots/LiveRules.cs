using IvrController.Retries;
using IvrController.Rules.Snapshots;
using IvrController.Store.Changes;
using Microsoft.Extensions.Logging;

namespace IvrController.Store.Snapshots;

/// <summary>
/// The rules the call path reads: <see cref="Current"/> is a complete snapshot, swapped in whole
/// after every change of the rule tables (LISTEN/NOTIFY through <see cref="RuleChangeListener"/>).
/// When a reload fails the last good snapshot keeps serving, the gap is logged, and the reload
/// is retried with backoff until it succeeds.
/// </summary>
public sealed class LiveRules
{
    private readonly RuleSnapshotSource _source;
    private readonly RuleChangeListener _listener;
    private readonly LiveRulesOptions _options;
    private readonly ILogger<LiveRules> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _publishLock = new();
    private volatile RuleSnapshotBuild _current;
    private TaskCompletionSource _published = NewSignal();

    public LiveRules(RuleSnapshotSource source, RuleChangeListener listener, LiveRulesOptions options, ILogger<LiveRules> logger, TimeProvider? time = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        _current = new RuleSnapshotBuild(RuleSnapshot.Empty, CustomerIdTable.Empty, []);
    }

    /// <summary>The rules now in force; <see cref="RuleSnapshot.Empty"/> until the first load succeeds.</summary>
    public RuleSnapshot Current => _current.Snapshot;

    /// <summary>The customer_ids table of the same load as <see cref="Current"/>.</summary>
    public CustomerIdTable CustomerIds => _current.CustomerIds;

    /// <summary>True once a load has succeeded.</summary>
    public bool IsLoaded => !ReferenceEquals(_current.Snapshot, RuleSnapshot.Empty);

    /// <summary>
    /// Listens for changes and reloads until <paramref name="cancellationToken"/> fires. The
    /// listener's first change (on connecting) triggers the first load, so this is all a host runs.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task listening = _listener.RunAsync(cancellationToken);
        try
        {
            while (true)
            {
                RuleChange change = await _listener.ReadChangeAsync(cancellationToken).ConfigureAwait(false);
                await ReloadUntilDoneAsync(change, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Rule reloading stopped: the host is shutting down (serving rules version {Version})", Current.Version);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            _logger.LogWarning("Rule reloading stopped: the change listener ended (serving rules version {Version})", Current.Version);
        }
        finally
        {
            await listening.ConfigureAwait(false);
        }
    }

    /// <summary>Loads now, once, and publishes the result (for start-up and tools); throws if the load fails.</summary>
    public async Task<RuleSnapshot> LoadNowAsync(CancellationToken cancellationToken)
    {
        RuleSnapshotBuild build = await _source.LoadBuildAsync(cancellationToken).ConfigureAwait(false);
        Publish(build, null);
        return build.Snapshot;
    }

    /// <summary>Completes when a snapshot of at least <paramref name="version"/> is in force.</summary>
    public async Task<RuleSnapshot> WaitForVersionAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task published;
            lock (_publishLock)
            {
                if (Current.Version >= version)
                {
                    return Current;
                }

                published = _published.Task;
            }

            await published.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReloadUntilDoneAsync(RuleChange change, CancellationToken cancellationToken)
    {
        DateTimeOffset? failingSince = null;
        var backoff = new CappedBackoff(_options.InitialRetryDelay, _options.MaxRetryDelay);
        int failedAttempts = 0;
        while (true)
        {
            try
            {
                RuleSnapshotBuild build = await _source.LoadBuildAsync(cancellationToken).ConfigureAwait(false);
                Publish(build, change);
                if (failingSince is { } since)
                {
                    _logger.LogWarning(
                        "Rules reloaded after failing for {Gap}; rules version {Version} is now in force",
                        _time.GetUtcNow() - since, build.Snapshot.Version);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failingSince ??= _time.GetUtcNow();
                TimeSpan delay = backoff.Delay(failedAttempts++);
                _logger.LogWarning(
                    "Cannot reload the rules ({Error}); rules version {Version} loaded at {LoadedAt:u} keeps serving, next try in {Delay}",
                    e.Message, Current.Version, Current.LoadedAt, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Publish(RuleSnapshotBuild build, RuleChange? change)
    {
        TaskCompletionSource signal;
        lock (_publishLock)
        {
            // A slow load must not replace a newer snapshot published meanwhile (LoadNowAsync racing RunAsync).
            if (build.Snapshot.Version < _current.Snapshot.Version)
            {
                return;
            }

            long previous = _current.Snapshot.Version;
            _current = build;
            signal = _published;
            _published = NewSignal();
            if (previous != build.Snapshot.Version)
            {
                _logger.LogInformation(
                    "Rules version {Version} in force ({Agents} agents, {Numbers} numbers, {Menus} menus, {Customers} customer IDs){Cause}",
                    build.Snapshot.Version, build.Snapshot.Agents.Count, build.Snapshot.Pool.Count, build.Snapshot.Menus.Menus.Count,
                    build.CustomerIds.Count, change is null ? "" : change.Resync ? " after a resync" : $" after a change of {string.Join(", ", change.Tables)}");
                LogProblems(build);
            }
        }

        signal.TrySetResult();
    }

    private void LogProblems(RuleSnapshotBuild build)
    {
        IEnumerable<string> problems = build.Skipped.Select(s => $"left out: {s}").Concat(build.Snapshot.Validate());
        int count = 0;
        foreach (string problem in problems)
        {
            if (++count <= _options.MaxProblemsLogged)
            {
                _logger.LogWarning("Rules version {Version}: {Problem}", build.Snapshot.Version, problem);
            }
        }

        if (count > _options.MaxProblemsLogged)
        {
            _logger.LogWarning("Rules version {Version}: {More} more problems; run 'ivrctl rules check' for all of them", build.Snapshot.Version, count - _options.MaxProblemsLogged);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
