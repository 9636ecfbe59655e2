using IvrController.Rules.Agents;
using IvrController.Store.Changes;
using IvrController.Store.Snapshots;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Snapshots;

/// <summary>The live rule snapshot against the real server: reload on NOTIFY, last good snapshot on failure.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveRulesTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_load_follows_the_listeners_resync_and_carries_the_tables_version()
    {
        await using var running = await StartAsync("live_first");

        RuleSnapshotVersion loaded = await running.FirstLoadAsync();

        Assert.Equal(await running.VersionInDatabaseAsync(), loaded.Version);
        Assert.True(running.Rules.IsLoaded);
    }

    [Fact]
    public async Task An_edit_is_in_force_within_one_second_without_a_restart()
    {
        // The second is the controller's own waiting, on a fake clock: how long the database and a
        // busy machine take to answer is not part of it (and is given the usual patience).
        var clock = new WatchedClock();
        await using var running = await StartAsync("live_edit", time: clock);
        await clock.FireNextTimerAsync();
        await running.FirstLoadAsync();

        await Sql.ExecuteAsync(running.ConnectionString, "insert into agents (id, name) values ('1001', '张三')");
        long version = await running.VersionInDatabaseAsync();
        Assert.InRange(await clock.FireNextTimerAsync(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var snapshot = await running.Rules.WaitForVersionAsync(version, CancellationToken.None).WaitAsync(Patience);

        Assert.True(snapshot.TryGetAgent("1001", out Agent? agent));
        Assert.Equal("张三", agent.Name);
        Assert.Same(snapshot, running.Rules.Current);
    }

    [Fact]
    public async Task One_statement_is_one_version_however_many_rows_it_touches()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "live_version");
        long before = await Sql.ScalarAsync<long>(connectionString, "select version from rules_version");

        await Sql.ExecuteAsync(connectionString, "insert into agents (id, name) select 'a' || g, 'Agent ' || g from generate_series(1, 500) g");
        await Sql.ExecuteAsync(connectionString, "select 1 from agents");

        Assert.Equal(before + 1, await Sql.ScalarAsync<long>(connectionString, "select version from rules_version"));
    }

    [Fact]
    public async Task When_reloading_fails_the_last_good_snapshot_keeps_serving_and_the_gap_is_logged()
    {
        await using var running = await StartAsync("live_fail", new LiveRulesOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(200) });
        await Sql.ExecuteAsync(running.ConnectionString, "insert into agents (id, name) values ('1001', '张三')");
        long good = await running.VersionInDatabaseAsync();
        await running.Rules.WaitForVersionAsync(good, CancellationToken.None).WaitAsync(Patience);

        // The reader needs customer_ids; without it every reload fails like a broken database would.
        await Sql.ExecuteAsync(running.ConnectionString, "alter table customer_ids rename to customer_ids_away");
        await Sql.ExecuteAsync(running.ConnectionString, "insert into agents (id, name) values ('1002', '李四')");
        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Cannot reload the rules", StringComparison.Ordinal), Patience);

        Assert.Equal(good, running.Rules.Current.Version);
        Assert.True(running.Rules.Current.TryGetAgent("1001", out _));
        Assert.Contains(running.Logger.Records, r => r.Message.Contains($"rules version {good} loaded at", StringComparison.Ordinal));

        await Sql.ExecuteAsync(running.ConnectionString, "alter table customer_ids_away rename to customer_ids");
        var recovered = await running.Rules.WaitForVersionAsync(good + 1, CancellationToken.None).WaitAsync(Patience);

        Assert.True(recovered.TryGetAgent("1002", out _));
        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Rules reloaded after failing for", StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task Rows_the_rules_cannot_use_are_logged_when_the_snapshot_comes_into_force()
    {
        await using var running = await StartAsync("live_problems");
        await running.FirstLoadAsync();

        await Sql.ExecuteAsync(running.ConnectionString, "insert into number_regions values ('999', '广东', '深圳')");

        await running.Logger.WaitForAsync(r => r.Level == LogLevel.Warning && r.Message.Contains("left out: region prefix 999", StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task Stopping_logs_why()
    {
        var running = await StartAsync("live_stop");
        await running.FirstLoadAsync();

        await running.DisposeAsync();

        Assert.Contains(running.Logger.Records, r => r.Message.StartsWith("Rule reloading stopped: the host is shutting down", StringComparison.Ordinal));
    }

    private async Task<RunningRules> StartAsync(string prefix, LiveRulesOptions? options = null, TimeProvider? time = null)
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, prefix);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var logger = new TestLogger<LiveRules>();
        var listener = new RuleChangeListener(connectionString, new RuleChangeListenerOptions(), new TestLogger<RuleChangeListener>(), time);
        var rules = new LiveRules(new RuleSnapshotSource(dataSource, null), listener, options ?? new LiveRulesOptions(), logger, time);
        var stop = new CancellationTokenSource();
        return new RunningRules(connectionString, dataSource, rules, logger, stop, rules.RunAsync(stop.Token));
    }

    private sealed record RuleSnapshotVersion(long Version);

    private sealed record RunningRules(
        string ConnectionString, NpgsqlDataSource DataSource, LiveRules Rules, TestLogger<LiveRules> Logger, CancellationTokenSource Stop, Task Run) : IAsyncDisposable
    {
        public async Task<RuleSnapshotVersion> FirstLoadAsync() =>
            new((await Rules.WaitForVersionAsync(1, CancellationToken.None).WaitAsync(Patience)).Version);

        public Task<long> VersionInDatabaseAsync() => Sql.ScalarAsync<long>(ConnectionString, "select version from rules_version");

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Run.WaitAsync(Patience);
            Stop.Dispose();
            await DataSource.DisposeAsync();
        }
    }
}
