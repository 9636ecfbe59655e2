using System.Diagnostics;
using IvrController.Cluster;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Store.Calls;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cluster;

/// <summary>
/// Two controllers on one PostgreSQL: caps hold across them (the database arbitrates), a dead controller's
/// slots come back after its lease, callback memory reaches the other controller within a second, and a
/// database outage is counted locally within the documented bound and reconciled afterwards.
/// </summary>
public sealed class SeveralControllersTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Number = "+862152810000";

    [Fact]
    public async Task Two_controllers_racing_for_a_number_capped_at_n_a_day_grant_exactly_n()
    {
        const int cap = 20;
        await using ControllerPair pair = await ControllerPair.StartAsync(postgres, "cluster_daily", $"('{Number}', null, {cap})");

        CallerNumberClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 2 * cap)
            .Select(i => Task.Run(() => (i % 2 == 0 ? pair.A : pair.B).ClaimAsync())));

        Assert.Equal(cap, claims.Count(c => c.Slot is not null));
        Assert.All(claims.Where(c => c.Slot is null), c => Assert.Equal(NoCallerNumberReason.AllAtCap, Assert.IsType<NoCallerNumberAvailable>(c.Outcome).Why));
        Assert.All(claims.Where(c => c.Slot is not null), c => Assert.True(c.Slot!.Reserved));
        Assert.Equal(cap, (await pair.CountsAsync(Number)).UsedToday);
    }

    [Fact]
    public async Task Two_controllers_racing_for_n_concurrent_slots_grant_exactly_n_and_a_call_end_gives_one_back()
    {
        const int slots = 5;
        await using ControllerPair pair = await ControllerPair.StartAsync(postgres, "cluster_concurrent", $"('{Number}', {slots}, null)");

        CallerNumberClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 2 * slots)
            .Select(i => Task.Run(() => (i % 2 == 0 ? pair.A : pair.B).ClaimAsync())));
        HeldSlot[] held = [.. claims.Select(c => c.Slot).OfType<HeldSlot>()];

        Assert.Equal(slots, held.Length);
        Assert.Equal((slots, slots), ((await pair.CountsAsync(Number)).InUse, (await pair.CountsAsync(Number)).Leases));
        Assert.Null((await pair.B.ClaimAsync()).Slot);

        // The call's end record is its release: the outbound flow writes it when the bridge is over.
        HeldSlot ending = held[0];
        ending.Dispose();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(pair.ConnectionString);
        await new CallLog(dataSource).RecordOutboundCallEndAsync(new OutboundCallEnd(ending.CallId, "SUCCESS", null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(slots - 1, (await pair.CountsAsync(Number)).InUse);
        // B learns of a slot freed elsewhere at its next heartbeat (its counters are the fast path, the database the arbiter).
        await pair.B.NextHeartbeatAsync();
        Assert.NotNull((await pair.B.ClaimAsync()).Slot);
        Assert.Equal((slots, slots), ((await pair.CountsAsync(Number)).InUse, (await pair.CountsAsync(Number)).Leases));
    }

    [Fact]
    public async Task A_killed_controllers_slots_come_back_after_its_lease_expires()
    {
        const int slots = 3;
        await using ControllerPair pair = await ControllerPair.StartAsync(postgres, "cluster_expiry", $"('{Number}', {slots}, null)");
        for (int i = 0; i < slots; i++)
        {
            Assert.NotNull((await pair.A.ClaimAsync()).Slot);
        }

        // A dies holding every slot (a stopped host gives nothing back: only its calls' ends or the lease do).
        await pair.A.StopAsync();
        var clock = Stopwatch.StartNew();
        Assert.Null((await pair.B.ClaimAsync()).Slot);

        // Each of B's heartbeats sweeps expired controllers; wait for them, a bounded number of times.
        HeldSlot? back = null;
        int heartbeats = 0;
        while (back is null && heartbeats < 40)
        {
            await pair.B.NextHeartbeatAsync();
            heartbeats++;
            back = (await pair.B.ClaimAsync()).Slot;
        }

        Assert.NotNull(back);
        TimeSpan bound = ControllerPair.LeaseTime + (2 * ControllerPair.HeartbeatInterval) + TimeSpan.FromSeconds(1);
        Assert.True(clock.Elapsed <= bound, $"the slots came back after {clock.Elapsed.TotalSeconds:0.00} s, beyond lease + two heartbeats ({bound.TotalSeconds:0.00} s)");
        Assert.Equal((1, 1), ((await pair.CountsAsync(Number)).InUse, (await pair.CountsAsync(Number)).Leases));
    }

    [Fact]
    public async Task A_call_placed_through_controller_a_reaches_controller_bs_callback_decision_within_a_second()
    {
        await using ControllerPair pair = await ControllerPair.StartAsync(postgres, "cluster_callback", $"('{Number}', null, null)");
        PhoneNumber customer = ChineseNumberNormalizer.Default.Normalize("13900139000");
        DateTimeOffset since = DateTimeOffset.UtcNow.AddHours(-1);
        Assert.Null(pair.B.Memory.Find(customer, since));

        var heard = new TaskCompletionSource<LastOutboundCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.B.Listener.Heard += call =>
        {
            if (call.CustomerNumber == customer)
            {
                heard.TrySetResult(call);
            }
        };
        var clock = Stopwatch.StartNew();
        await pair.A.Recorder.RecordOutboundCallAsync(
            new OutboundCallRecord(Guid.NewGuid(), "1001", customer.E164, Number, "skill_group", "WholePool", "test", DateTimeOffset.UtcNow), CancellationToken.None);
        LastOutboundCall known = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"controller b heard of the call after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("1001", known.AgentId);
        Assert.Equal("1001", pair.B.Memory.Find(customer, since)?.AgentId);
    }

    [Fact]
    public async Task During_an_outage_a_controller_counts_alone_within_cap_times_controllers_and_reconciles_after()
    {
        const int cap = 4;
        await using var link = PostgresLink.Up(postgres.ConnectionString);
        await using ControllerPair pair = await ControllerPair.StartAsync(
            postgres, "cluster_outage", $"('{Number}', null, {cap})", database => ReRoute(database, link.ConnectionString));
        var heldByA = new List<HeldSlot> { Assert.IsType<HeldSlot>((await pair.A.ClaimAsync()).Slot) };

        link.Cut();
        for (int i = 0; i < 2 * cap && (await pair.A.ClaimAsync()).Slot is { } slot; i++)
        {
            Assert.False(slot.Reserved);
            heldByA.Add(slot);
        }

        var heldByB = new List<HeldSlot>();
        for (int i = 0; i < 2 * cap && (await pair.B.ClaimAsync()).Slot is { } slot; i++)
        {
            heldByB.Add(slot);
        }

        // Each controller alone never goes beyond the cap; together at most cap × controllers.
        Assert.True(pair.A.Numbers.CountingAlone);
        Assert.Equal(cap, heldByA.Count);
        Assert.Equal(cap - 1, heldByB.Count);
        Assert.True(heldByA.Count + heldByB.Count <= cap * 2);

        var reconciled = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.A.Numbers.Reconciled += reconciled.SetResult;
        heldByA[^1].Dispose();
        link.Restore();
        int counted = await reconciled.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(cap - 1, counted);
        // The ended call's end record, as the journal replays it once the database is back. (Had the
        // reconciliation read the call as live just before it ended, it leased it: the end record releases it.)
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(pair.ConnectionString))
        {
            await new CallLog(dataSource).RecordOutboundCallEndAsync(new OutboundCallEnd(heldByA[^1].CallId, "SUCCESS", null, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var (usedToday, inUse, leases) = await pair.CountsAsync(Number);
        Assert.Equal(heldByA.Count + heldByB.Count, usedToday);
        Assert.Equal((heldByA.Count - 1 + heldByB.Count, heldByA.Count - 1 + heldByB.Count), (inUse, leases));
        Assert.False(pair.A.Numbers.CountingAlone);
        Assert.Null((await pair.A.ClaimAsync()).Slot);
        Assert.Null((await pair.B.ClaimAsync()).Slot);
    }

    private static string ReRoute(string database, string linkConnectionString)
    {
        var through = new Npgsql.NpgsqlConnectionStringBuilder(linkConnectionString);
        return new Npgsql.NpgsqlConnectionStringBuilder(database) { Host = through.Host, Port = through.Port, Timeout = 5 }.ConnectionString;
    }
}
