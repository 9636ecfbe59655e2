using IvrController.Store.Calls;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Calls;

/// <summary>The call log's writes gathered into one round trip when they come thick and fast, on the real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallLogGroupCommitTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    // A one-second window: three writes within a second make the log busy.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(Now);

    private CallLog Log() => new(database.DataSource, Window, _time);

    // A regression fails the test instead of hanging the suite.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static OutboundCallRecord Call(string agent) =>
        new(Guid.NewGuid(), agent, "+8613800000777", "+862152810000", "skill_group", "pool", "random among 3", Now);

    [Fact]
    public async Task Writes_that_come_thick_and_fast_share_one_transaction_and_a_quiet_log_writes_each_at_once()
    {
        CallLog log = Log();
        OutboundCallRecord first = Call("3001"), second = Call("3002"), third = Call("3003"), fourth = Call("3004");

        // The first two of the second go out at once, each in a transaction of its own.
        Assert.True(await log.RecordOutboundCallAsync(first, CancellationToken.None));
        Assert.True(await log.RecordOutboundCallAsync(second, CancellationToken.None));

        // The third makes the second busy: it and what follows wait for the window's end.
        Task<bool> thirdStored = log.RecordOutboundCallAsync(third, CancellationToken.None);
        Task<bool> fourthStored = log.RecordOutboundCallAsync(fourth, CancellationToken.None);
        Task<bool> thirdEnded = log.RecordOutboundCallEndAsync(new OutboundCallEnd(third.CallUuid, "SUCCESS", Now, Now.AddMinutes(1)), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(thirdStored.IsCompleted || fourthStored.IsCompleted || thirdEnded.IsCompleted);
        Assert.Equal(0L, await CountAsync(third, fourth));

        _time.Advance(Window);

        Assert.True(await thirdStored.WaitAsync(Patience));
        Assert.True(await fourthStored.WaitAsync(Patience));
        // Sent after its call's start in the same batch, the end finds it.
        Assert.True(await thirdEnded.WaitAsync(Patience));
        string[] transactions = await TransactionsAsync(first, second, third, fourth);
        Assert.Equal(3, transactions.Distinct().Count());
        Assert.NotEqual(transactions[0], transactions[1]);
        Assert.Equal(transactions[2], transactions[3]);

        // Two quiet seconds later a write goes out at once again.
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await log.RecordOutboundCallAsync(Call("3005"), CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_record_the_schema_refuses_in_a_batch_is_refused_alone_and_the_others_are_stored()
    {
        CallLog log = Log();
        int template = await Sql.ScalarAsync<int>(database.ConnectionString, """
            insert into survey_templates (name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
            values ('group-commit-refused', 'outbound', 'g', 'c', 'i', 't') returning id
            """);
        await MakeBusyAsync(log);

        OutboundCallRecord before = Call("3103"), after = Call("3104");
        Task<bool> beforeStored = log.RecordOutboundCallAsync(before, CancellationToken.None);
        // Rated without a score: the schema's check refuses it, and with it the batch's transaction.
        Task<bool> refused = log.RecordSurveyResultAsync(
            new SurveyResultRecord(Guid.NewGuid(), template, "rated", '1', "满意", null, "3103", "+8613800000777", Now, null), CancellationToken.None);
        Task<bool> afterStored = log.RecordOutboundCallAsync(after, CancellationToken.None);
        _time.Advance(Window);

        PostgresException error = await OnlyItFailsAsync(refused, (before, beforeStored), (after, afterStored));
        Assert.Equal("survey_results_rated_has_score", error.ConstraintName);
    }

    [Fact]
    public async Task A_writer_that_stops_waiting_leaves_its_record_to_be_stored_with_the_batch()
    {
        CallLog log = Log();
        await MakeBusyAsync(log);
        OutboundCallRecord gathered = Call("3203");
        using var stop = new CancellationTokenSource();

        Task<bool> stored = log.RecordOutboundCallAsync(gathered, stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stored);
        _time.Advance(Window);
        // The batch runs without its writer; call log writes are idempotent, so a journaled copy is stored once.
        await WaitForAsync(async () => await CountAsync(gathered) == 1);
    }

    [Fact]
    public async Task A_batch_the_server_fails_for_one_write_is_tried_again_write_by_write()
    {
        // The call log's connections give up on a lock after 300 ms: the server fails the batch, not a rule of the schema.
        string impatient = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c lock_timeout=300" }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(impatient);
        var log = new CallLog(dataSource, Window, _time);
        OutboundCallRecord locked = Call("3301");
        await MakeBusyAsync(log, locked);
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using NpgsqlTransaction holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"select 1 from outbound_calls where call_uuid = '{locked.CallUuid}' for update", holder, holding))
        {
            await lockRow.ExecuteScalarAsync();
        }

        OutboundCallRecord before = Call("3303"), after = Call("3304");
        Task<bool> beforeStored = log.RecordOutboundCallAsync(before, CancellationToken.None);
        Task<bool> lockedEnded = log.RecordOutboundCallEndAsync(new OutboundCallEnd(locked.CallUuid, "SUCCESS", Now, Now.AddMinutes(1)), CancellationToken.None);
        Task<bool> afterStored = log.RecordOutboundCallAsync(after, CancellationToken.None);
        _time.Advance(Window);

        // The row stays locked through the second try too: only its own write fails.
        PostgresException error = await OnlyItFailsAsync(lockedEnded, (before, beforeStored), (after, afterStored));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, error.SqlState);
    }

    [Fact]
    public async Task Without_gathering_the_same_log_writes_at_once_while_busy()
    {
        CallLog log = Log();
        await MakeBusyAsync(log);
        Task<bool> gathered = log.RecordOutboundCallAsync(Call("3403"), CancellationToken.None);

        Assert.True(await log.WithoutGathering().RecordOutboundCallAsync(Call("3404"), CancellationToken.None).WaitAsync(Patience));
        Assert.False(gathered.IsCompleted);
        _time.Advance(Window);
        Assert.True(await gathered.WaitAsync(Patience));
    }

    /// <summary>
    /// Two writes, each alone (the first two of a second; <paramref name="first"/> as the first when given): the next
    /// write in this second of the fake clock is gathered.
    /// </summary>
    private static async Task MakeBusyAsync(CallLog log, OutboundCallRecord? first = null)
    {
        Assert.True(await log.RecordOutboundCallAsync(first ?? Call("busy-1"), CancellationToken.None).WaitAsync(Patience));
        Assert.True(await log.RecordOutboundCallAsync(Call("busy-2"), CancellationToken.None).WaitAsync(Patience));
    }

    /// <summary>The server's error for <paramref name="failing"/>, after the calls gathered with it were each stored.</summary>
    private async Task<PostgresException> OnlyItFailsAsync(Task<bool> failing, params (OutboundCallRecord Call, Task<bool> Stored)[] neighbours)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => failing.WaitAsync(Patience));
        foreach ((_, Task<bool> stored) in neighbours)
        {
            Assert.True(await stored.WaitAsync(Patience));
        }

        Assert.Equal((long)neighbours.Length, await CountAsync([.. neighbours.Select(n => n.Call)]));
        return error;
    }

    private async Task<long> CountAsync(params OutboundCallRecord[] calls) =>
        await Sql.ScalarAsync<long>(database.ConnectionString,
            $"select count(*) from outbound_calls where call_uuid in ({string.Join(", ", calls.Select(c => $"'{c.CallUuid}'"))})");

    /// <summary>The transaction that stored each call (rows a transaction inserts share its id as their xmin).</summary>
    private async Task<string[]> TransactionsAsync(params OutboundCallRecord[] calls)
    {
        var transactions = new string[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            transactions[i] = await Sql.ScalarAsync<string>(database.ConnectionString, $"select xmin::text from outbound_calls where call_uuid = '{calls[i].CallUuid}'");
        }

        return transactions;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        DateTime giveUp = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "the gathered record was not stored within 10 s");
            await Task.Delay(20);
        }
    }
}
