using System.Diagnostics;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests;

/// <summary>
/// A database call past its deadline is abandoned, never cancelled: cancelling made Npgsql send
/// PostgreSQL a cancel request synchronously from the timer's thread, which could freeze a socket thread.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseDeadlineTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_statement_past_its_deadline_times_out_for_the_caller_and_still_commits()
    {
        string table = $"deadline_{Guid.NewGuid():N}";
        await using (NpgsqlCommand create = database.DataSource.CreateCommand($"create table {table} (id int)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var waited = Stopwatch.StartNew();
        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => DatabaseDeadline.WithinAsync(
            async () =>
            {
                await using NpgsqlCommand slow = database.DataSource.CreateCommand($"select pg_sleep(1.5); insert into {table} values (1)");
                return await slow.ExecuteNonQueryAsync();
            },
            TimeSpan.FromMilliseconds(200),
            TimeProvider.System,
            CancellationToken.None));

        Assert.Equal("the database did not answer within 0.2 s", timeout.Message);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(1.4), $"the caller waited {waited.Elapsed.TotalSeconds:0.00} s, not the deadline's 0.2 s");
        long rows = 0;
        for (var polled = Stopwatch.StartNew(); rows == 0 && polled.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            await using NpgsqlCommand count = database.DataSource.CreateCommand($"select count(*) from {table}");
            rows = (long)(await count.ExecuteScalarAsync())!;
        }

        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task An_answer_within_the_deadline_is_returned()
    {
        int answer = await DatabaseDeadline.WithinAsync(
            async () =>
            {
                await using NpgsqlCommand quick = database.DataSource.CreateCommand("select 42");
                return (int)(await quick.ExecuteScalarAsync())!;
            },
            TimeSpan.FromSeconds(10),
            TimeProvider.System,
            CancellationToken.None);

        Assert.Equal(42, answer);
    }
}
