using IvrController.TestSupport;
using Npgsql;

namespace IvrController.Tests.Cli;

/// <summary>A migrated database holding a small call centre, for the verbs that read rules and calls.</summary>
internal static class CallCentreDatabase
{
    /// <summary>
    /// Agents 1001 (sales) and 1002 (offline, sales); our numbers 021 (上海, sales, menu main),
    /// 010 (北京) and 0755 (广东/深圳, its region left to the lookup); menu main; customer C10086.
    /// </summary>
    public const string Setup = """
        insert into skill_groups (id, name, direction) values ('sales', '销售', 'outbound');
        insert into agents (id, name) values ('1001', '张三');
        insert into agents (id, name, status) values ('1002', '李四', 'offline');
        insert into agent_skill_groups values ('1001', 'sales'), ('1002', 'sales');
        insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt, max_retries, default_action)
            values ('main', 'ivr-welcome', 'ivr-invalid', 'ivr-timeout', 2, 'hangup');
        insert into ivr_options values ('main', '1', 'skill_group', 'sales'), ('main', '0', 'hangup', null);
        insert into caller_numbers (number, province, city, ivr_menu) values ('+862152810000', '上海', '上海', 'main');
        insert into caller_numbers (number, province, city) values ('+861062345678', '北京', '北京');
        insert into caller_numbers (number) values ('+8675512345678');
        insert into skill_group_numbers values ('sales', '+862152810000');
        insert into customer_ids values ('C10086', '+8613800138000');
        """;

    public static async Task<string> CreateAsync(PostgresServer server, string prefix, string? more = null)
    {
        string connectionString = await server.CreateDatabaseAsync(prefix);
        var (exitCode, _, error) = await new Ivrctl(connectionString).RunAsync("db", "migrate");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"migrate failed: {error}");
        }

        await ExecuteAsync(connectionString, Setup + (more ?? ""));
        return connectionString;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
