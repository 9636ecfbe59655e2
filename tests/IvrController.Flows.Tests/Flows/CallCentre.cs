using IvrController.Cluster;
using IvrController.Flows;
using IvrController.Rules.Callback;
using IvrController.Store.Calls;
using IvrController.Store.Cluster;
using IvrController.Store.Migrations;
using IvrController.Store.Snapshots;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IvrController.Flows.Tests.Flows;

/// <summary>
/// A real, migrated database holding a small call centre, and the flows wired to it as the host
/// wires them (real call log, real rule snapshot, table customer IDs), with a test presence.
/// </summary>
internal sealed class CallCentre : IAsyncDisposable
{
    /// <summary>
    /// Agents 1001 and 1002 (sales, outbound); our number 021 5281 0000 (sales, menu main), menu
    /// main (1 → sales, 2 → agent 1002), outbound and inbound survey templates (keys 1, 2, 3),
    /// customer C10086 = 13800138000.
    /// </summary>
    private const string Setup = """
        insert into skill_groups (id, name, direction) values ('sales', '销售', 'both');
        insert into agents (id, name) values ('1001', '张三'), ('1002', '李四');
        insert into agent_skill_groups values ('1001', 'sales'), ('1002', 'sales');
        insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt, timeout_ms, max_retries, default_action)
            values ('main', 'ivr_welcome', 'ivr_invalid', 'ivr_timeout', 4000, 1, 'hangup');
        insert into ivr_options values ('main', '1', 'skill_group', 'sales'), ('main', '2', 'agent', '1002');
        insert into caller_numbers (number, province, city, ivr_menu) values ('+862152810000', '上海', '上海', 'main');
        insert into skill_group_numbers values ('sales', '+862152810000');
        insert into survey_templates (id, name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt, timeout_ms, retries)
            overriding system value values
            (1, '外呼满意度', 'outbound', 'survey_guide_outbound', 'survey_closing', 'survey_invalid', 'survey_timeout', 5000, 1),
            (2, '来电满意度', 'inbound', 'survey_guide_inbound', 'survey_closing', 'survey_invalid', 'survey_timeout', 5000, 1);
        insert into survey_keys values (1, '1', '满意', 5), (1, '2', '一般', 3), (1, '3', '不满意', 1),
                                       (2, '1', '满意', 5), (2, '2', '一般', 3), (2, '3', '不满意', 1);
        update settings set outbound_survey_template = 1, inbound_survey_template = 2;
        insert into customer_ids values ('C10086', '+8613800138000');
        """;

    private CallCentre(NpgsqlDataSource dataSource, CallFlowContext context, CapturedLogs logs)
    {
        DataSource = dataSource;
        Context = context;
        Logs = logs;
        Dispatcher = new CallDispatcher(context);
    }

    public NpgsqlDataSource DataSource { get; }

    public CallFlowContext Context { get; }

    public CallDispatcher Dispatcher { get; }

    public CapturedLogs Logs { get; }

    /// <param name="moreSql">Runs after the standard set-up: settings, memory rows, other numbers.</param>
    /// <param name="recorder">Wraps the recorder the flows write to (say, one that answers slowly).</param>
    public static async Task<CallCentre> CreateAsync(
        PostgresServer server, string prefix, string? moreSql = null, IAgentPresence? presence = null, CallbackMemory? memory = null, string? callLogConnectionString = null,
        Func<ICallRecorder, ICallRecorder>? recorder = null)
    {
        string connectionString = await server.CreateDatabaseAsync(prefix);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var command = dataSource.CreateCommand(Setup + (moreSql ?? ""));
            await command.ExecuteNonQueryAsync();
        }

        return await OnDatabaseAsync(connectionString, presence ?? new TestPresence(), new Random(7), memory, callLogConnectionString, recorder);
    }

    /// <summary>The flows on a database someone else filled (ivrctl, a script), with a seeded random pick.</summary>
    /// <param name="callLogConnectionString">
    /// Where the flows read the call log's callback memory, when not the same database: a server that
    /// is down, to play a database outage after the rules were loaded.
    /// </param>
    public static async Task<CallCentre> OnDatabaseAsync(
        string connectionString, IAgentPresence presence, Random random, CallbackMemory? memory = null, string? callLogConnectionString = null,
        Func<ICallRecorder, ICallRecorder>? recorder = null)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        RuleSnapshotBuild rules = await new RuleSnapshotSource(dataSource, null).LoadBuildAsync(CancellationToken.None);
        var callLog = new CallLog(dataSource);
        var memoryLog = callLogConnectionString is null ? callLog : new CallLog(NpgsqlDataSource.Create(callLogConnectionString));
        var logs = new CapturedLogs();
        // The host gives the call log 1 s. Here a slow answer (a busy test machine) must not pass for
        // an outage: the outage tests use a server that refuses at once, not one that is slow.
        var usage = new LiveCallerNumberUsage(TimeProvider.System, new Rules.Settings.CallCentreDay(TimeZoneInfo.Utc));
        var context = new CallFlowContext(
            () => rules.Snapshot,
            new CallbackLookup(memory ?? new CallbackMemory(TimeSpan.FromDays(7)), memoryLog, TimeSpan.FromSeconds(30), logs.Factory().CreateLogger<CallbackLookup>()),
            recorder is null ? new CallLogRecorder(callLog) : recorder(new CallLogRecorder(callLog)),
            new TableCustomerIdLookup(() => rules.CustomerIds),
            presence,
            usage,
            new FlowOptions(),
            TimeProvider.System,
            random,
            logs.Factory())
        {
            // As the host: the database grants each call's number (no heartbeat here: nothing else shares it).
            SharedNumbers = new SharedCallerNumbers(new CallerNumberSlots(dataSource), usage, new ClusterOptions(), "flow-tests", logs.Factory().CreateLogger<SharedCallerNumbers>()),
        };
        return new CallCentre(dataSource, context, logs);
    }

    /// <summary>A PostgreSQL that is not there: the port is closed, so every connection is refused at once.</summary>
    public const string DatabaseDown = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2;Pooling=false";

    /// <summary>"Customer hung up an hour ago after agent A called them": the callback memory.</summary>
    public static string Remembered(string agentId, string customerE164, TimeSpan ago) => $"""
        insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, started_at)
        values (gen_random_uuid(), '{agentId}', '{customerE164}', '+862152810000', now() - interval '{(int)ago.TotalSeconds} seconds');
        """;

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        object? value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
