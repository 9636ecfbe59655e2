using IvrController.Store.Repositories;
using IvrController.Store.Rows;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Repositories;

[Collection(PostgresCollection.Name)]
public sealed class RuleRowsReaderTests(PostgresServer server)
{
    [Fact]
    public async Task Fresh_database_has_empty_tables_and_the_default_settings()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "rows_fresh"));

        RuleRows rows = await new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None);

        Assert.Empty(rows.Agents);
        Assert.Empty(rows.CallerNumbers);
        Assert.Empty(rows.NumberRegions);
        Assert.Equal(
            new SettingsRow("skill_group", "random", "mask", true, 2, TimeSpan.FromHours(72), TimeSpan.FromSeconds(20), null, null, rows.Settings.UpdatedAt),
            rows.Settings);
        Assert.Equal(DateTimeKind.Utc, rows.Settings.UpdatedAt.Kind);
    }

    [Fact]
    public async Task Every_rule_table_is_loaded_as_inserted()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "rows_loaded");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Sql.ExecuteAsync(connectionString, """
            insert into agents (id, name, status, created_at, updated_at) values
                ('1001', 'Zhang Wei', 'active', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z'),
                ('1002', 'Li Na', 'offline', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z');
            insert into skill_groups (id, name, direction) values ('sales', 'Sales', 'outbound'), ('care', 'Care', 'inbound');
            insert into agent_skill_groups values ('1001', 'sales'), ('1002', 'care');
            insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt, timeout_ms, max_retries, default_action, default_target) values
                ('main', 'welcome.wav', 'invalid.wav', 'timeout.wav', 4000, 2, 'skill_group', 'care'),
                ('after-hours', 'closed.wav', 'invalid.wav', 'timeout.wav', 5000, 0, 'hangup', null);
            insert into ivr_options values ('main', '1', 'skill_group', 'care'), ('main', '9', 'submenu', 'after-hours'), ('main', '#', 'repeat', null);
            insert into caller_numbers (number, province, city, enabled, max_concurrent, daily_cap, ivr_menu, created_at, updated_at) values
                ('+861012345678', 'Beijing', 'Beijing', true, 10, 500, 'main', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z'),
                ('+862087654321', null, null, false, null, null, null, '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z');
            insert into skill_group_numbers values ('sales', '+861012345678');
            insert into survey_templates (id, name, direction, enabled, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt, timeout_ms, retries, language) values
                (7, 'after-sales', 'outbound', true, 'guide.wav', 'thanks.wav', 'invalid.wav', 'timeout.wav', 8000, 2, 'en');
            insert into survey_keys values (7, '1', 'satisfied', 5), (7, '2', 'unsatisfied', 1), (7, '*', 'skip', 0);
            update settings set caller_id_rule = 'same_region', candidate_pick = 'least_used_today', protection_mode = 'customer_id',
                callback_enabled = false, callback_mode = 1, callback_window = interval '2 days 3 hours', callback_ring_timeout = interval '15 seconds',
                outbound_survey_template = 7;
            insert into number_regions values ('1380013', 'Beijing', 'Beijing'), ('020', 'Guangdong', 'Guangzhou');
            insert into customer_ids values ('C-42', '+8613800138000');
            """);
        var at = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        RuleRows rows = await new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None);

        Assert.Equal([new AgentRow("1001", "Zhang Wei", "active", at, at), new AgentRow("1002", "Li Na", "offline", at, at)], rows.Agents);
        Assert.Equal([new SkillGroupRow("care", "Care", "inbound"), new SkillGroupRow("sales", "Sales", "outbound")], rows.SkillGroups);
        Assert.Equal([new AgentSkillGroupRow("1001", "sales"), new AgentSkillGroupRow("1002", "care")], rows.AgentSkillGroups);
        Assert.Equal(
            [
                new CallerNumberRow("+861012345678", "Beijing", "Beijing", true, 10, 500, "main", at, at),
                new CallerNumberRow("+862087654321", null, null, false, null, null, null, at, at),
            ],
            rows.CallerNumbers);
        Assert.Equal([new SkillGroupNumberRow("sales", "+861012345678")], rows.SkillGroupNumbers);
        Assert.Equal(
            new SettingsRow("same_region", "least_used_today", "customer_id", false, 1, TimeSpan.FromHours(51), TimeSpan.FromSeconds(15), 7, null, rows.Settings.UpdatedAt),
            rows.Settings);
        Assert.Equal(
            [new SurveyTemplateRow(7, "after-sales", "outbound", true, "guide.wav", "thanks.wav", "invalid.wav", "timeout.wav", 8000, 2, "en")],
            rows.SurveyTemplates);
        Assert.Equal([new SurveyKeyRow(7, '*', "skip", 0), new SurveyKeyRow(7, '1', "satisfied", 5), new SurveyKeyRow(7, '2', "unsatisfied", 1)], rows.SurveyKeys);
        Assert.Equal(
            [
                new IvrMenuRow("after-hours", "closed.wav", "invalid.wav", "timeout.wav", 5000, 0, "hangup", null),
                new IvrMenuRow("main", "welcome.wav", "invalid.wav", "timeout.wav", 4000, 2, "skill_group", "care"),
            ],
            rows.IvrMenus);
        Assert.Equal(
            [new IvrOptionRow("main", '#', "repeat", null), new IvrOptionRow("main", '1', "skill_group", "care"), new IvrOptionRow("main", '9', "submenu", "after-hours")],
            rows.IvrOptions);
        Assert.Equal([new NumberRegionRow("020", "Guangdong", "Guangzhou"), new NumberRegionRow("1380013", "Beijing", "Beijing")], rows.NumberRegions);
        Assert.Equal([new CustomerIdRow("C-42", "+8613800138000")], rows.CustomerIds);
    }

    [Fact]
    public async Task Load_reads_inside_a_read_only_repeatable_read_transaction()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "rows_isolation");
        await Sql.ExecuteAsync(connectionString, "insert into agents (id, name) values ('1001', 'Zhang')");
        // Row-level security does not apply to superusers, so read as a plain role whose policy
        // shows agents only inside a read-only repeatable-read transaction.
        string role = $"ivr_reader_{Guid.NewGuid():N}";
        // A password of its own: a server that wants one (a container's) would refuse the role without it.
        string password = Guid.NewGuid().ToString("N");
        await Sql.ExecuteAsync(connectionString, $"""
            create role {role} login password '{password}';
            grant select on all tables in schema public to {role};
            alter table agents enable row level security;
            create policy only_in_a_read_only_snapshot on agents for select to {role}
                using (current_setting('transaction_isolation') = 'repeatable read' and current_setting('transaction_read_only') = 'on');
            """);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString);

            RuleRows rows = await new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None);

            Assert.Equal(["1001"], rows.Agents.Select(a => a.Id));
        }
        finally
        {
            await Sql.ExecuteAsync(connectionString, $"drop owned by {role}; drop role {role}");
        }
    }

    [Fact]
    public async Task Load_gives_its_connection_back_without_the_snapshot()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "rows_snapshot");
        // One connection in the pool, so the next command runs on the session the reader used.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 }.ConnectionString);

        await new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select current_setting('transaction_read_only') || ' ' || current_setting('transaction_isolation')", connection);
        // A fresh implicit transaction: the reader's settings ended with its own.
        Assert.Equal("off read committed", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Missing_settings_row_is_a_clear_error()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "rows_nosettings");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Sql.ExecuteAsync(connectionString, "delete from settings");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None));

        Assert.Contains("settings row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_load_throws_OperationCanceledException()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "rows_cancel"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RuleRowsReader(dataSource).LoadAsync(cancelled.Token));
    }
}
