using System.Collections.Concurrent;
using IvrController.Flows;
using IvrController.Routing;
using IvrController.Rules.CallerId;
using IvrController.Rules.Snapshots;
using IvrController.Store.Cluster;
using Microsoft.Extensions.Logging;

using IvrController.Store;

namespace IvrController.Cluster;

/// <summary>
/// Our numbers' caps across every controller on one database. The selector still chooses from this
/// controller's counters (<see cref="LiveCallerNumberUsage"/>, the fast path); the database then arbitrates:
/// one statement per call grants the chosen number's slot or refuses it, and a refusal marks the number at
/// cap here and the selector chooses again (at most <see cref="MaxAttempts"/> numbers a call). The heartbeat
/// renews this controller's leases, sweeps those of controllers that stopped renewing and re-reads every
/// number's shared counts into the local counters.
/// </summary>
/// <remarks>
/// While the database is away each controller counts alone, from the shared counts it last read plus its own
/// calls since: a number capped at <c>cap</c> can then carry at most <c>cap</c> × controllers calls (today's
/// and at once) across the site, and never more than <c>cap</c> through any one controller. When the database
/// answers again the heartbeat first writes what this controller did meanwhile (calls started, calls still in
/// progress as leases) and only then takes reservations again.
/// </remarks>
public sealed class SharedCallerNumbers
{
    /// <summary>Numbers a call tries before it is refused as "every number at cap".</summary>
    public const int MaxAttempts = 3;

    private readonly CallerNumberSlots _slots;
    private readonly LiveCallerNumberUsage _usage;
    private readonly ClusterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    // Calls of this controller holding a slot now (reserved or not): the heartbeat's orphan sweep spares them.
    private readonly ConcurrentDictionary<Guid, HeldSlot> _live = new();

    // Calls started while the database was away, live or ended, until the database has counted them.
    private readonly ConcurrentDictionary<Guid, HeldSlot> _unsynced = new();

    private volatile bool _away;
    private DateTimeOffset _awaySince;
    private int _started;

    public SharedCallerNumbers(CallerNumberSlots slots, LiveCallerNumberUsage usage, ClusterOptions options, string controllerId, ILogger<SharedCallerNumbers> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(controllerId);
        ArgumentNullException.ThrowIfNull(logger);
        _slots = slots;
        _usage = usage;
        _options = options;
        ControllerId = controllerId;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string ControllerId { get; }

    /// <summary>True while this controller counts alone (the database failed a reservation or a heartbeat, and no heartbeat has reconciled since).</summary>
    public bool CountingAlone => _away;

    /// <summary>Raised after the database counted what this controller did while it was away (argument: how many calls).</summary>
    public event Action<int>? Reconciled;

    /// <summary>Raised after every heartbeat that reached the database (renewed, swept, counts re-read).</summary>
    public event Action? Renewed;

    /// <summary>
    /// The number for call <paramref name="callId"/>: <paramref name="plan"/>'s choice when the database grants
    /// it, else the selector's next choice on <paramref name="rules"/>, up to <see cref="MaxAttempts"/> numbers.
    /// </summary>
    public async Task<CallerNumberClaim> ClaimAsync(Guid callId, OutboundPlan plan, RuleSnapshot rules, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rules);
        CallerIdOutcome outcome = plan.CallerId;
        for (int attempt = 1; ; attempt++)
        {
            if (outcome is not CallerIdDecision decision)
            {
                return new CallerNumberClaim(outcome, null);
            }

            HeldSlot? slot = await TakeAsync(callId, decision.Number, cancellationToken).ConfigureAwait(false);
            if (slot is not null)
            {
                return new CallerNumberClaim(decision, slot);
            }

            _logger.LogInformation("Call {CallId}: {Number} is at a cap by the other controllers' calls (attempt {Attempt} of {Attempts})",
                callId, decision.Number.National, attempt, MaxAttempts);
            if (attempt == MaxAttempts)
            {
                return new CallerNumberClaim(decision.AtCapElsewhere(), null);
            }

            outcome = rules.SelectCallerId(plan.Agent, plan.Customer, _usage, random);
        }
    }

    /// <summary>
    /// A slot of <paramref name="number"/> for <paramref name="callId"/>: granted by the database, or counted
    /// here alone while the database is away; null when the database refused it (the number is at a cap).
    /// </summary>
    public async Task<HeldSlot?> TakeAsync(Guid callId, CallerNumber number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        int day = _usage.DayNumber();
        CallerNumberCounter counter = _usage.Counter(number.E164);
        var slot = new HeldSlot(this, callId, number.E164, day, counter);
        // Listed before the statement runs: a heartbeat in between must not take its lease for an orphan.
        _live[callId] = slot;
        if (!_away)
        {
            SlotAnswer? answer = null;
            try
            {
                answer = await DatabaseDeadline.WithinAsync(
                    () => _slots.TakeAsync(callId, number.E164, day, number.MaxConcurrent, number.DailyCap, ControllerId, CancellationToken.None),
                    _options.ReservationTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
            {
                CountAlone($"no answer within {_options.ReservationTimeout.TotalMilliseconds:0} ms");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                CountAlone(e.Message);
            }
            catch
            {
                _live.TryRemove(callId, out _);
                throw;
            }

            if (answer is { Granted: true })
            {
                counter.Set(answer.InUse, day, answer.UsedToday);
                slot.Reserved = true;
                return slot;
            }

            if (answer is not null)
            {
                _live.TryRemove(callId, out _);
                // The answer's counts may be a moment old (they may show room): a refusal means at cap until the next heartbeat says otherwise.
                bool stale = !(number.MaxConcurrent is { } max && answer.InUse >= max) && !(number.DailyCap is { } cap && answer.UsedToday >= cap);
                counter.Set(
                    stale ? Math.Max(answer.InUse, number.MaxConcurrent ?? 0) : answer.InUse,
                    day,
                    stale ? Math.Max(answer.UsedToday, number.DailyCap ?? 0) : answer.UsedToday);
                return null;
            }
        }

        _unsynced[callId] = slot;
        slot.StartLocally();
        return slot;
    }

    /// <summary>At start, before calls: today's calls in the call log become the floor of the shared counts, then the first heartbeat.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _slots.SeedTodayAsync(_usage.DayNumber(), _usage.StartOfToday, cancellationToken).ConfigureAwait(false);
        await HeartbeatAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Caller number caps are shared as controller {ControllerId}: leases of {Lease:0.#} s renewed every {Interval:0.#} s",
            ControllerId, _options.LeaseTime.TotalSeconds, _options.HeartbeatInterval.TotalSeconds);
    }

    /// <summary>Heartbeats every <see cref="ClusterOptions.HeartbeatInterval"/> until <paramref name="cancellationToken"/> fires; a failure means counting alone until one succeeds. Call once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("SharedCallerNumbers.RunAsync may only be called once.");
        }

        using var ticks = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await ticks.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await HeartbeatAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    CountAlone(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        _logger.LogInformation("Caller number heartbeat stopped: the host is stopping; this controller's slots are given back by its calls' ends, or {Lease:0.#} s after its last renewal",
            _options.LeaseTime.TotalSeconds);
    }

    /// <summary>
    /// One heartbeat: after an outage first what this controller did meanwhile, then the renewal and sweep,
    /// then every number's shared counts into the local counters.
    /// </summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        bool wasAway = _away;
        int reconciled = 0;
        if (wasAway || !_unsynced.IsEmpty)
        {
            reconciled = await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<SlotRow> rows = await _slots.HeartbeatAsync(ControllerId, _options.LeaseTime, [.. _live.Keys], _options.OrphanGrace, cancellationToken).ConfigureAwait(false);
        foreach (SlotRow row in rows)
        {
            _usage.Counter(row.Number).Set(row.InUse, row.Day, row.UsedToday);
        }

        if (wasAway)
        {
            _away = false;
            _logger.LogWarning("Caller number caps are shared again after {Gap:0.0} s of counting alone; {Calls} call(s) of that time counted in the database",
                (_time.GetUtcNow() - _awaySince).TotalSeconds, reconciled);
            Reconciled?.Invoke(reconciled);
        }

        Renewed?.Invoke();
    }

    /// <summary>A call's slot ended here (<see cref="HeldSlot.Dispose"/>).</summary>
    internal void Release(HeldSlot slot) => _live.TryRemove(new KeyValuePair<Guid, HeldSlot>(slot.CallId, slot));

    private async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        // Every live call (its lease may have been swept while this controller could not renew) and every
        // call the database has not counted yet.
        var calls = new Dictionary<Guid, UnsyncedCall>();
        foreach (HeldSlot slot in _live.Values)
        {
            calls[slot.CallId] = new UnsyncedCall(slot.CallId, slot.E164, slot.Day, Live: !slot.Ended, Unreserved: false);
        }

        HeldSlot[] unsynced = [.. _unsynced.Values];
        foreach (HeldSlot slot in unsynced)
        {
            calls[slot.CallId] = new UnsyncedCall(slot.CallId, slot.E164, slot.Day, Live: !slot.Ended, Unreserved: true);
        }

        await _slots.ReconcileAsync(ControllerId, _usage.DayNumber(), calls.Values, cancellationToken).ConfigureAwait(false);
        foreach (HeldSlot slot in unsynced)
        {
            _unsynced.TryRemove(new KeyValuePair<Guid, HeldSlot>(slot.CallId, slot));
        }

        return unsynced.Length;
    }

    private void CountAlone(string reason)
    {
        if (!_away)
        {
            _awaySince = _time.GetUtcNow();
            _away = true;
            _logger.LogWarning("Caller number caps are counted by this controller alone ({Reason}): until the database answers, a cap may be exceeded up to cap × controllers across the site",
                reason);
        }
    }
}
