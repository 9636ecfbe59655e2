using System.Text;
using IvrController.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IvrController.Load;

/// <summary>
/// A fresh, migrated database holding the call centre the load plays: skill group "sales" with
/// <see cref="AgentCount"/> agents and <see cref="NumberCount"/> caller numbers (no caps), menu "main"
/// (1 → sales) on every number, outbound and inbound survey templates (keys 1, 2, 3), masking, callback
/// memory on (mode 2, 3 days).
/// </summary>
internal static class LoadCentre
{
    public const int AgentCount = 50;
    public const int NumberCount = 50;

    /// <summary>The number customers call back on: the first caller number, as dialled.</summary>
    public const string OurNumber = "02152810000";

    public static string AgentId(int i) => (1001 + (i % AgentCount)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int s_created;

    public static async Task<string> CreateAsync(string serverConnectionString)
    {
        // Numbered: a run side by side creates two within the same second.
        string name = $"ivr_load_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}_{Interlocked.Increment(ref s_created)}";
        await using (var server = NpgsqlDataSource.Create(serverConnectionString))
        await using (NpgsqlCommand create = server.CreateCommand($"create database {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        string connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using NpgsqlCommand setup = dataSource.CreateCommand(SetupSql());
        await setup.ExecuteNonQueryAsync();
        return connectionString;
    }

    private static string SetupSql()
    {
        var sql = new StringBuilder("""
            insert into skill_groups (id, name, direction) values ('sales', '销售', 'both');
            insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt, timeout_ms, max_retries, default_action)
                values ('main', 'ivr_welcome', 'ivr_invalid', 'ivr_timeout', 4000, 1, 'hangup');
            insert into ivr_options values ('main', '1', 'skill_group', 'sales');
            insert into survey_templates (id, name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt, timeout_ms, retries)
                overriding system value values
                (1, '外呼满意度', 'outbound', 'survey_guide_outbound', 'survey_closing', 'survey_invalid', 'survey_timeout', 5000, 1),
                (2, '来电满意度', 'inbound', 'survey_guide_inbound', 'survey_closing', 'survey_invalid', 'survey_timeout', 5000, 1);
            insert into survey_keys values (1, '1', '满意', 5), (1, '2', '一般', 3), (1, '3', '不满意', 1),
                                           (2, '1', '满意', 5), (2, '2', '一般', 3), (2, '3', '不满意', 1);
            update settings set outbound_survey_template = 1, inbound_survey_template = 2;

            """);
        for (int i = 0; i < AgentCount; i++)
        {
            sql.Append($"insert into agents (id, name) values ('{AgentId(i)}', 'agent {i}');\n");
            sql.Append($"insert into agent_skill_groups values ('{AgentId(i)}', 'sales');\n");
        }

        for (int i = 0; i < NumberCount; i++)
        {
            string number = $"+8621528100{i:00}";
            sql.Append($"insert into caller_numbers (number, province, city, ivr_menu) values ('{number}', '上海', '上海', 'main');\n");
            sql.Append($"insert into skill_group_numbers values ('sales', '{number}');\n");
        }

        return sql.ToString();
    }
}
