using Dapper;
using Npgsql;

namespace IvrController.Store.Cluster;

/// <summary>
/// The caps of our numbers as every controller sharing this database sees them (migration 0006):
/// <c>caller_number_slots</c> counts each number's calls today and calls in progress, and
/// <c>caller_number_leases</c> names the controller holding each call in progress. Each method is one
/// round trip. The end of a call gives its slot back inside the call log's end record
/// (<see cref="Calls.CallLog.RecordOutboundCallEndAsync"/>), so releasing costs no trip of its own.
/// </summary>
public sealed class CallerNumberSlots(NpgsqlDataSource dataSource)
{
    // Advisory lock key of the sweep, so two controllers never sweep at once (two multi-row sweeps
    // could otherwise deadlock each other on the slot rows).
    private const long SweepLock = 0x1_7C0_5107;

    /// <summary>
    /// Takes a slot of <paramref name="number"/> for call <paramref name="callUuid"/> when the number is
    /// under both caps (null = no cap): its calls today and in progress both go up by one and a lease names
    /// <paramref name="controllerId"/>. Refused, nothing changes. Either way the answer carries the
    /// number's counts as the database has them.
    /// </summary>
    public async Task<SlotAnswer> TakeAsync(
        Guid callUuid, string number, int day, int? maxConcurrent, int? dailyCap, string controllerId, CancellationToken cancellationToken)
    {
        // One statement: the upsert's row lock serialises every controller taking this number, and its
        // WHERE is checked against the row as the last of them left it. The refusal branch reads the row
        // as this statement's snapshot saw it, which may be a moment old (the caller treats a refusal as
        // "at cap" whatever the counts say).
        const string sql = """
            with taken as (
                insert into caller_number_slots as s (number, day, used_today, in_use)
                values (@Number, @Day, 1, 1)
                on conflict (number) do update
                   set used_today = case when s.day >= excluded.day then s.used_today + 1 else 1 end,
                       day = greatest(s.day, excluded.day),
                       in_use = s.in_use + 1
                 where s.in_use < coalesce(@MaxConcurrent, 2147483647)
                   and (s.day < excluded.day or s.used_today < coalesce(@DailyCap, 2147483647))
                returning used_today, in_use
            ), leased as (
                insert into caller_number_leases (call_uuid, number, controller_id)
                select @CallUuid, @Number, @ControllerId from taken
                on conflict (call_uuid) do nothing
            )
            select true as Granted, used_today as UsedToday, in_use as InUse from taken
            union all
            select false, case when s.day = @Day then s.used_today else 0 end, s.in_use
              from caller_number_slots s
             where s.number = @Number and not exists (select from taken)
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var answer = await connection.QuerySingleOrDefaultAsync<SlotAnswer>(new CommandDefinition(sql,
            new { CallUuid = callUuid, Number = number, Day = day, MaxConcurrent = maxConcurrent, DailyCap = dailyCap, ControllerId = controllerId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        // No row at all: refused on a row this statement's snapshot could not see yet (created a moment ago).
        return answer ?? new SlotAnswer(false, 0, 0);
    }

    /// <summary>
    /// One round of a controller's heartbeat, in one round trip: renews <paramref name="controllerId"/>'s
    /// row until <paramref name="leaseTime"/> from now; gives back the slots of every controller whose row
    /// expired, and this controller's own leases older than <paramref name="orphanGrace"/> of calls it no
    /// longer has (<paramref name="liveCalls"/>); returns every number's counts.
    /// </summary>
    public async Task<IReadOnlyList<SlotRow>> HeartbeatAsync(
        string controllerId, TimeSpan leaseTime, Guid[] liveCalls, TimeSpan orphanGrace, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into cluster_controllers (controller_id, expires_at, last_seen)
            values (@ControllerId, now() + @LeaseTime, now())
            on conflict (controller_id) do update set expires_at = excluded.expires_at, last_seen = excluded.last_seen;

            with sweeping as (
                select pg_try_advisory_xact_lock(@SweepLock) as mine
            ), dead as (
                delete from caller_number_leases l
                 using sweeping
                 where sweeping.mine
                   and (l.controller_id in (select controller_id from cluster_controllers where expires_at < now())
                        or (l.controller_id = @ControllerId and l.taken_at < now() - @OrphanGrace and l.call_uuid <> all(@LiveCalls)))
                returning l.number
            ), per_number as (
                select number, count(*)::int as gone from dead group by number
            )
            update caller_number_slots s set in_use = greatest(s.in_use - p.gone, 0)
              from per_number p
             where s.number = p.number;

            select number as Number, day as Day, used_today as UsedToday, in_use as InUse from caller_number_slots;
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Several statements in one command travel and commit together (one implicit transaction), so the
        // sweep's advisory lock lasts until the batch ends.
        using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { ControllerId = controllerId, LeaseTime = leaseTime, LiveCalls = liveCalls, OrphanGrace = orphanGrace, SweepLock },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (await grid.ReadAsync<SlotRow>().ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// After an outage: counts into the database what a controller did without it, in one round trip.
    /// Every live call gets its lease (and its slot) unless it already has one; a call started without the
    /// database (<see cref="UnsyncedCall.Unreserved"/>) also counts as a call of <paramref name="today"/>
    /// when it was started today, unless its lease already existed (its reservation had reached the database
    /// after all). Nothing here checks a cap: these calls happened.
    /// </summary>
    public async Task ReconcileAsync(string controllerId, int today, IReadOnlyCollection<UnsyncedCall> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return;
        }

        const string sql = """
            with items as (
                select * from unnest(@Calls, @Numbers, @Days, @Live, @Unreserved) as i(call_uuid, number, day, live, unreserved)
            ), leased as (
                insert into caller_number_leases (call_uuid, number, controller_id)
                select call_uuid, number, @ControllerId from items where live
                on conflict (call_uuid) do nothing
                returning call_uuid
            ), per_number as (
                select i.number,
                       (count(*) filter (where i.unreserved and i.day = @Today and (not i.live or l.call_uuid is not null)))::int as calls,
                       count(l.call_uuid)::int as leases
                  from items i left join leased l on l.call_uuid = i.call_uuid
                 group by i.number
            )
            insert into caller_number_slots as s (number, day, used_today, in_use)
            select number, @Today, calls, leases from per_number
            on conflict (number) do update
               set used_today = case when s.day = excluded.day then s.used_today + excluded.used_today
                                     when s.day > excluded.day then s.used_today
                                     else excluded.used_today end,
                   day = greatest(s.day, excluded.day),
                   in_use = s.in_use + excluded.in_use
            """;
        var parameters = new
        {
            ControllerId = controllerId,
            Today = today,
            Calls = calls.Select(c => c.CallUuid).ToArray(),
            Numbers = calls.Select(c => c.Number).ToArray(),
            Days = calls.Select(c => c.Day).ToArray(),
            Live = calls.Select(c => c.Live).ToArray(),
            Unreserved = calls.Select(c => c.Unreserved).ToArray(),
        };
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// At a controller's start: today's calls per number in the call log (since
    /// <paramref name="startOfToday"/>) become the floor of the shared counts, so a cap counts the calls
    /// placed before the slots existed (the first start after migrating) or while no controller counted them.
    /// </summary>
    public async Task SeedTodayAsync(int today, DateTimeOffset startOfToday, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into caller_number_slots as s (number, day, used_today, in_use)
            select caller_number, @Today, count(*)::int, 0
              from outbound_calls
             where started_at >= @Since and caller_number is not null
             group by caller_number
            on conflict (number) do update
               set used_today = case when s.day = excluded.day then greatest(s.used_today, excluded.used_today) else excluded.used_today end,
                   day = excluded.day
             where s.day <= excluded.day
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Today = today, Since = startOfToday.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}

/// <summary>What <see cref="CallerNumberSlots.TakeAsync"/> answered, with the number's counts across all controllers.</summary>
public sealed record SlotAnswer(bool Granted, int UsedToday, int InUse);

/// <summary>One number's shared counts: calls on <see cref="Day"/> and calls in progress.</summary>
public sealed record SlotRow(string Number, int Day, int UsedToday, int InUse);

/// <summary>A call a controller must tell the database about after an outage.</summary>
/// <param name="Live">Still in progress: it needs a lease.</param>
/// <param name="Unreserved">Started without the database: its day does not count it yet.</param>
public sealed record UnsyncedCall(Guid CallUuid, string Number, int Day, bool Live, bool Unreserved);
