using IvrController.TestSupport;
using IvrController.Store.Changes;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Changes;

/// <summary>
/// The listener against the real server, in real time. Waits are on the listener's own signals
/// (with a timeout), never a sleep-and-look loop.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RuleChangeListenerTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task First_connection_publishes_a_resync()
    {
        await using var running = Start(new RuleChangeListenerOptions { CoalesceWindow = TimeSpan.FromMilliseconds(20) });

        var change = await running.NextAsync();

        Assert.True(change.Resync);
        Assert.Empty(change.Tables);
        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Information && r.Message.StartsWith("Listening for rule changes on channel ivr_rules_changed", StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task Insert_into_caller_numbers_is_published_with_the_table_name()
    {
        await using var running = Start(new RuleChangeListenerOptions { CoalesceWindow = TimeSpan.FromMilliseconds(20) });
        await running.NextAsync();

        await Sql.ExecuteAsync(database.ConnectionString, "insert into caller_numbers (number) values ('+8613700137000')");
        var change = await running.NextAsync();

        Assert.False(change.Resync);
        Assert.Equal(["caller_numbers"], change.Tables);
    }

    [Fact]
    public async Task Burst_of_statements_on_several_tables_becomes_one_change()
    {
        // The window is on a fake clock that stands still until every statement has been heard, so
        // how long the statements take on a busy machine cannot split the burst.
        var clock = new WatchedClock();
        await using var running = Start(new RuleChangeListenerOptions { CoalesceWindow = TimeSpan.FromMilliseconds(500) }, clock);
        await clock.FireNextTimerAsync();
        await running.NextAsync();

        // Separate statements, each its own transaction and so its own notification.
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            foreach (string sql in new[]
            {
                "insert into agents (id, name) values ('burst1', 'A')",
                "insert into agents (id, name) values ('burst2', 'B')",
                "insert into skill_groups (id, name) values ('burst', 'Burst')",
                "insert into agent_skill_groups values ('burst1', 'burst')",
                "update settings set callback_enabled = true",
                "insert into customer_ids values ('burst-1', '+8613600136001')",
                "insert into customer_ids values ('burst-2', '+8613600136002')",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        int heard = 0;
        await running.Logger.WaitForAsync(r => r.Message.StartsWith("Rules changed in table ", StringComparison.Ordinal) && ++heard == 7, Patience);
        Assert.Equal(TimeSpan.FromMilliseconds(500), await clock.FireNextTimerAsync());
        var burst = await running.NextAsync();
        // Had the burst been split, its remainder would come next instead of (or merged with) this.
        await Sql.ExecuteAsync(database.ConnectionString, "insert into number_regions values ('1360013', 'Hubei', 'Wuhan')");
        await clock.FireNextTimerAsync();
        var after = await running.NextAsync();

        Assert.Equal(["agent_skill_groups", "agents", "customer_ids", "settings", "skill_groups"], burst.Tables);
        Assert.False(burst.Resync);
        Assert.Equal(["number_regions"], after.Tables);
    }

    [Fact]
    public async Task Killed_connection_is_reopened_with_a_resync_and_the_gap_is_logged()
    {
        string applicationName = $"ivr-test-listener-{Guid.NewGuid():N}";
        await using var running = Start(new RuleChangeListenerOptions
        {
            CoalesceWindow = TimeSpan.FromMilliseconds(20),
            InitialReconnectDelay = TimeSpan.FromMilliseconds(50),
            ApplicationName = applicationName,
        });
        await running.NextAsync();

        bool killed = await Sql.ScalarAsync<bool>(database.ConnectionString,
            "select coalesce(bool_and(pg_terminate_backend(pid)), false) from pg_stat_activity where application_name = $1", applicationName);
        var afterReconnect = await running.NextAsync();
        await Sql.ExecuteAsync(database.ConnectionString, "insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt) values ('after-kill', 'g', 'i', 't')");
        var afterInsert = await running.NextAsync();

        Assert.True(killed, "the listener's session was not found by its application_name");
        Assert.True(afterReconnect.Resync);
        Assert.Equal(["ivr_menus"], afterInsert.Tables);
        Assert.False(afterInsert.Resync);
        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Warning && r.Message.Contains("57P01", StringComparison.Ordinal), Patience);
        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Listening for rule changes again after", StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task Missing_database_is_logged_as_an_error_and_retried_until_stopped()
    {
        string nowhere = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_database" }.ConnectionString;
        var logger = new TestLogger<RuleChangeListener>();
        var listener = new RuleChangeListener(nowhere, new RuleChangeListenerOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(10) }, logger);
        using var stop = new CancellationTokenSource();
        Task run = listener.RunAsync(stop.Token);

        await logger.WaitForAsync(r => r.Level == LogLevel.Error && r.Message.Contains("3D000", StringComparison.Ordinal) && r.Message.Contains("attempt 3", StringComparison.Ordinal), Patience);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);

        Assert.Contains(logger.Records, r => r.Message == "Rule change listener stopped: the host is stopping");
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => listener.ReadChangeAsync(CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Changes_published_while_nobody_reads_are_merged_into_one()
    {
        await using var running = Start(new RuleChangeListenerOptions { CoalesceWindow = TimeSpan.FromMilliseconds(20) });
        await running.NextAsync();

        await Sql.ExecuteAsync(database.ConnectionString, "insert into survey_templates (name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt) values ('merge', 'inbound', 'g', 'c', 'i', 't')");
        await running.Logger.WaitForAsync(r => r.Message == "Rule change published: tables [survey_templates], resync False", Patience);
        await Sql.ExecuteAsync(database.ConnectionString, "update ivr_menus set max_retries = max_retries");
        await running.Logger.WaitForAsync(r => r.Message == "Rule change published: tables [ivr_menus], resync False", Patience);
        var merged = await running.NextAsync();

        Assert.Equal(["ivr_menus", "survey_templates"], merged.Tables);
        Assert.False(merged.Resync);
    }

    [Fact]
    public void Reconnect_delay_doubles_up_to_the_cap_with_at_most_20_percent_jitter()
    {
        var listener = new RuleChangeListener(database.ConnectionString, new RuleChangeListenerOptions
        {
            InitialReconnectDelay = TimeSpan.FromSeconds(1),
            MaxReconnectDelay = TimeSpan.FromSeconds(30),
        }, new TestLogger<RuleChangeListener>());

        double[] expected = [1, 2, 4, 8, 16, 30, 30, 30];
        for (int attempt = 0; attempt < expected.Length; attempt++)
        {
            double seconds = listener.ReconnectDelay(attempt).TotalSeconds;
            Assert.InRange(seconds, expected[attempt] * 0.8, expected[attempt]);
        }

        Assert.InRange(listener.ReconnectDelay(int.MaxValue).TotalSeconds, 24, 30);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleChangeListener(database.ConnectionString, new RuleChangeListenerOptions
        {
            InitialReconnectDelay = TimeSpan.FromSeconds(10),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        }, new TestLogger<RuleChangeListener>()));

        Assert.Contains("MaxReconnectDelay", error.Message, StringComparison.Ordinal);
    }

    private RunningListener Start(RuleChangeListenerOptions options, TimeProvider? time = null)
    {
        var logger = new TestLogger<RuleChangeListener>();
        var listener = new RuleChangeListener(database.ConnectionString, options, logger, time);
        var stop = new CancellationTokenSource();
        return new RunningListener(listener, logger, stop, listener.RunAsync(stop.Token));
    }

    private sealed record RunningListener(RuleChangeListener Listener, TestLogger<RuleChangeListener> Logger, CancellationTokenSource Stop, Task Run)
        : IAsyncDisposable
    {
        public Task<RuleChange> NextAsync() => Listener.ReadChangeAsync(CancellationToken.None).WaitAsync(Patience);

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Run.WaitAsync(Patience);
            Stop.Dispose();
        }
    }
}
