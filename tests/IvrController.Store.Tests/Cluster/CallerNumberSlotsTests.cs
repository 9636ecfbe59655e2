using IvrController.Store.Calls;
using IvrController.Store.Changes;
using IvrController.Store.Cluster;
using Xunit;

namespace IvrController.Store.Tests.Cluster;

/// <summary>The shared caps' statements on the real server: each test uses numbers of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallerNumberSlotsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private const int Today = 740_000;

    private CallerNumberSlots Slots => new(database.DataSource);

    [Fact]
    public async Task A_slot_is_refused_at_the_concurrency_cap_and_the_refusal_carries_the_counts()
    {
        const string number = "+862152811001";
        SlotAnswer first = await Slots.TakeAsync(Guid.NewGuid(), number, Today, maxConcurrent: 2, dailyCap: null, "a", CancellationToken.None);
        SlotAnswer second = await Slots.TakeAsync(Guid.NewGuid(), number, Today, 2, null, "b", CancellationToken.None);
        SlotAnswer third = await Slots.TakeAsync(Guid.NewGuid(), number, Today, 2, null, "a", CancellationToken.None);

        Assert.Equal(new SlotAnswer(true, 1, 1), first);
        Assert.Equal(new SlotAnswer(true, 2, 2), second);
        Assert.Equal(new SlotAnswer(false, 2, 2), third);
        Assert.Equal(2, await Sql.ScalarAsync<long>(database.ConnectionString, "select count(*) from caller_number_leases where number = $1", number));
    }

    [Fact]
    public async Task A_new_day_starts_the_daily_count_again_but_keeps_the_calls_in_progress()
    {
        const string number = "+862152811002";
        Assert.True((await Slots.TakeAsync(Guid.NewGuid(), number, Today, null, 1, "a", CancellationToken.None)).Granted);
        Assert.False((await Slots.TakeAsync(Guid.NewGuid(), number, Today, null, 1, "a", CancellationToken.None)).Granted);

        SlotAnswer tomorrow = await Slots.TakeAsync(Guid.NewGuid(), number, Today + 1, null, 1, "a", CancellationToken.None);
        // A controller whose clock is still on yesterday counts into the newer day, never resets it.
        SlotAnswer late = await Slots.TakeAsync(Guid.NewGuid(), number, Today, null, 1, "b", CancellationToken.None);

        Assert.Equal(new SlotAnswer(true, 1, 2), tomorrow);
        Assert.False(late.Granted);
    }

    [Fact]
    public async Task The_end_record_gives_the_slot_back_once()
    {
        const string number = "+862152811003";
        var call = Guid.NewGuid();
        Assert.True((await Slots.TakeAsync(call, number, Today, 1, null, "a", CancellationToken.None)).Granted);
        var log = new CallLog(database.DataSource);

        await log.RecordOutboundCallEndAsync(new OutboundCallEnd(call, "SUCCESS", null, DateTimeOffset.UtcNow), CancellationToken.None);
        await log.RecordOutboundCallEndAsync(new OutboundCallEnd(call, "SUCCESS", null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(0, await InUseAsync(number));
        Assert.True((await Slots.TakeAsync(Guid.NewGuid(), number, Today, 1, null, "a", CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task A_heartbeat_sweeps_an_expired_controllers_leases_and_its_own_orphans_but_not_its_live_calls()
    {
        const string number = "+862152811004";
        var live = Guid.NewGuid();
        var orphan = Guid.NewGuid();
        await Slots.HeartbeatAsync("dead-1", TimeSpan.FromMilliseconds(1), [], TimeSpan.FromHours(1), CancellationToken.None);
        await Slots.TakeAsync(Guid.NewGuid(), number, Today, 10, null, "dead-1", CancellationToken.None);
        await Slots.TakeAsync(live, number, Today, 10, null, "alive-1", CancellationToken.None);
        await Slots.TakeAsync(orphan, number, Today, 10, null, "alive-1", CancellationToken.None);
        Assert.Equal(3, await InUseAsync(number));
        await Task.Delay(20);

        IReadOnlyList<SlotRow> rows = await Slots.HeartbeatAsync("alive-1", TimeSpan.FromSeconds(30), [live], TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, await InUseAsync(number));
        Assert.Equal([live], await Sql.ListAsync<Guid>(database.ConnectionString, "select call_uuid from caller_number_leases where number = $1", number));
        Assert.Contains(new SlotRow(number, Today, 3, 1), rows);
    }

    [Fact]
    public async Task Reconciling_counts_calls_made_without_the_database_once_and_leases_the_live_ones()
    {
        const string number = "+862152811005";
        var reserved = Guid.NewGuid();
        Assert.True((await Slots.TakeAsync(reserved, number, Today, null, 10, "a", CancellationToken.None)).Granted);
        UnsyncedCall[] calls =
        [
            new(reserved, number, Today, Live: true, Unreserved: false),     // its lease exists: nothing to add
            new(Guid.NewGuid(), number, Today, Live: true, Unreserved: true), // started alone, still up
            new(Guid.NewGuid(), number, Today, Live: false, Unreserved: true), // started alone, over
            new(Guid.NewGuid(), number, Today - 1, Live: false, Unreserved: true), // yesterday's: not today's count
        ];

        await Slots.ReconcileAsync("a", Today, calls, CancellationToken.None);

        Assert.Equal((3, 2), await CountsAsync(number));
        Assert.Equal(2L, await Sql.ScalarAsync<long>(database.ConnectionString, "select count(*) from caller_number_leases where number = $1", number));
    }

    [Fact]
    public async Task Seeding_from_the_call_log_raises_the_days_count_but_never_lowers_it()
    {
        const string number = "+862152811006";
        var log = new CallLog(database.DataSource);
        DateTimeOffset start = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (int i = 0; i < 3; i++)
        {
            await log.RecordOutboundCallAsync(new OutboundCallRecord(Guid.NewGuid(), "1001", "+8613800138000", number, "skill_group", "pool", "seed", start.AddSeconds(i)), CancellationToken.None);
        }

        await Slots.SeedTodayAsync(Today, start.AddMinutes(-1), CancellationToken.None);
        Assert.Equal((3, 0), await CountsAsync(number));

        for (int i = 0; i < 2; i++)
        {
            await Slots.TakeAsync(Guid.NewGuid(), number, Today, null, null, "a", CancellationToken.None);
        }

        await Slots.SeedTodayAsync(Today, start.AddMinutes(-1), CancellationToken.None);
        Assert.Equal((5, 2), await CountsAsync(number));
    }

    [Theory]
    [InlineData("""{"agent":"1001","customer":"+8613800138000","caller":"+862152810000","at":1764756000123456}""", true)]
    [InlineData("""{"agent":"1001","customer":"not a number","caller":"+862152810000","at":1}""", false)]
    [InlineData("""{"agent":"1001"}""", false)]
    [InlineData("not json", false)]
    public void An_outbound_call_announcement_is_read_or_refused(string payload, bool readable)
    {
        bool read = OutboundCallListener.TryRead(payload, out var call);

        Assert.Equal(readable, read);
        if (readable)
        {
            Assert.Equal(("1001", "+8613800138000", "+862152810000"), (call!.AgentId, call.CustomerNumber.E164, call.CallerNumber.E164));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764756000123).AddTicks(4560), call.StartedAt);
        }
    }

    private async Task<int> InUseAsync(string number) =>
        await Sql.ScalarAsync<int>(database.ConnectionString, "select in_use from caller_number_slots where number = $1", number);

    private async Task<(int UsedToday, int InUse)> CountsAsync(string number) =>
        (await Sql.ScalarAsync<int>(database.ConnectionString, "select used_today from caller_number_slots where number = $1", number), await InUseAsync(number));
}
