using Dapper;
using IvrController.Cluster;
using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Routing;
using IvrController.Rules.Callback;
using IvrController.Store.Changes;
using IvrController.Store.Migrations;
using IvrController.Store.Snapshots;
using IvrController.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IvrController.Tests.Cluster;

/// <summary>
/// Two controllers (`ivrctl serve`'s composition, in process) on one fresh database with agent 1001 and
/// the numbers a test names, with short leases so that expiry takes about a second.
/// </summary>
internal sealed class ControllerPair : IAsyncDisposable
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(200);

    private readonly List<string> _journals = [];

    private ControllerPair(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public Controller A { get; private set; } = null!;

    public Controller B { get; private set; } = null!;

    /// <param name="numbersSql">Rows for caller_numbers: "('+862152810000', null, 20)" = number, max_concurrent, daily_cap.</param>
    /// <param name="connectionStringOfA">Where A reaches the database (a <see cref="PostgresLink"/> to cut it away); default direct.</param>
    public static async Task<ControllerPair> StartAsync(PostgresServer postgres, string name, string numbersSql, Func<string, string>? connectionStringOfA = null)
    {
        string database = await postgres.CreateDatabaseAsync(name);
        await using (NpgsqlDataSource dataSource = NpgsqlDataSource.Create(database))
        {
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync($"""
                insert into agents (id, name) values ('1001', 'Agent 1001');
                insert into caller_numbers (number, max_concurrent, daily_cap) values {numbersSql};
                """);
        }

        var pair = new ControllerPair(database);
        pair.A = await pair.StartControllerAsync("a", connectionStringOfA?.Invoke(database) ?? database);
        pair.B = await pair.StartControllerAsync("b", database);
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Controller controller in new[] { A, B })
        {
            if (controller is not null)
            {
                await controller.DisposeAsync();
            }
        }

        foreach (string journal in _journals)
        {
            try
            {
                Directory.Delete(journal, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Shared counts of one number in the database: (calls today, calls in progress, leases).</summary>
    public async Task<(int UsedToday, int InUse, int Leases)> CountsAsync(string e164)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.QuerySingleAsync<(int, int, int)>("""
            select coalesce((select used_today from caller_number_slots where number = @Number), 0),
                   coalesce((select in_use from caller_number_slots where number = @Number), 0),
                   (select count(*)::int from caller_number_leases where number = @Number)
            """, new { Number = e164 });
    }

    private async Task<Controller> StartControllerAsync(string id, string connectionString)
    {
        string journal = Path.Combine(Path.GetTempPath(), $"ivr-cluster-{id}-{Guid.NewGuid():N}");
        _journals.Add(journal);
        IHost host = ControllerHost.Build(
        [
            $"--Database:ConnectionString={connectionString}", "--Esl:Password=a-long-secret", "--Esl:Port=1", "--Outbound:Port=0",
            $"--CallJournal:Directory={journal}", "--Cluster:Enabled=true", $"--Cluster:ControllerId=controller-{id}",
            $"--Cluster:LeaseTime={LeaseTime}", $"--Cluster:HeartbeatInterval={HeartbeatInterval}", "--Cluster:OrphanGrace=00:00:30",
            // A loaded test machine can take longer than production's 1 s to answer a burst; the outage test cuts the road instead.
            "--Cluster:ReservationTimeout=00:00:05",
        ]);
        await host.StartAsync();
        return new Controller(host);
    }

    /// <summary>One controller of the pair and what a test reaches into.</summary>
    internal sealed class Controller(IHost host) : IAsyncDisposable
    {
        private bool _stopped;

        public IHost Host => host;

        public SharedCallerNumbers Numbers => host.Services.GetRequiredService<SharedCallerNumbers>();

        public LiveRules Rules => host.Services.GetRequiredService<LiveRules>();

        public LiveCallerNumberUsage Usage => host.Services.GetRequiredService<LiveCallerNumberUsage>();

        public ICallRecorder Recorder => host.Services.GetRequiredService<ICallRecorder>();

        public CallbackMemory Memory => host.Services.GetRequiredService<CallbackMemory>();

        public CallbackLookup Lookup => host.Services.GetRequiredService<CallbackLookup>();

        public OutboundCallListener Listener => host.Services.GetRequiredService<OutboundCallListener>();

        /// <summary>Agent 1001 calls 13800138000: the caller-ID decision and the database's word on it, as the outbound flow takes them.</summary>
        public async Task<CallerNumberClaim> ClaimAsync(Guid? callId = null)
        {
            var rules = Rules.Current;
            OutboundPlan plan = await OutboundPlanner.PlanAsync(rules, "1001", "13800138000", Usage, Random.Shared, null, CancellationToken.None);
            return await Numbers.ClaimAsync(callId ?? Guid.NewGuid(), plan, rules, Random.Shared, CancellationToken.None);
        }

        /// <summary>Returns after this controller's next heartbeat reached the database.</summary>
        public async Task NextHeartbeatAsync()
        {
            var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Action done = () => renewed.TrySetResult();
            Numbers.Renewed += done;
            try
            {
                await renewed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                Numbers.Renewed -= done;
            }
        }

        /// <summary>Stops the host; its slots stay leased, as when the process is killed (nothing gives them back at stop).</summary>
        public async Task StopAsync()
        {
            if (!_stopped)
            {
                _stopped = true;
                await host.StopAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            host.Dispose();
        }
    }
}
