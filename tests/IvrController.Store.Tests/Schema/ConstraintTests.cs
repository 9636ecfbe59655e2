using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Schema;

/// <summary>
/// Each bad row must be refused by the constraint named, not by some other error: the tests
/// assert the SQLSTATE and PostgreSQL's constraint name. Every case runs in a transaction that
/// is rolled back, so the cases share one database without seeing each other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConstraintTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private const string CheckViolation = "23514";
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    private const string Template = """
        insert into survey_templates (id, name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
        values (1, 'after-sales', 'outbound', 'guide', 'bye', 'invalid', 'timeout')
        """;

    private const string Menu = """
        insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt)
        values ('main', 'hello', 'invalid', 'timeout')
        """;

    public static TheoryData<string, string, string, string> BadRows => new()
    {
        // setup, statement, SQLSTATE, constraint
        { "", "insert into agents (id, name) values ('agent 7', 'Zhang')", CheckViolation, "agents_id_format" },
        { "", "insert into agents (id, name) values ('1001@example.com', 'Zhang')", CheckViolation, "agents_id_format" },
        { "", $"insert into agents (id, name) values ('{new string('a', 65)}', 'Zhang')", CheckViolation, "agents_id_format" },
        { "", "insert into agents (id, name) values ('1001', '  ')", CheckViolation, "agents_name_not_blank" },
        { "", "insert into agents (id, name, status) values ('1001', 'Zhang', 'away')", CheckViolation, "agents_status_valid" },
        { "", "insert into skill_groups (id, name, direction) values ('sales', 'Sales', 'sideways')", CheckViolation, "skill_groups_direction_valid" },
        { "insert into skill_groups (id, name) values ('sales', 'Sales')", "insert into skill_groups (id, name) values ('sales2', 'Sales')", UniqueViolation, "skill_groups_name_key" },
        { "insert into skill_groups (id, name) values ('sales', 'Sales')", "insert into agent_skill_groups values ('ghost', 'sales')", ForeignKeyViolation, "agent_skill_groups_agent_id_fkey" },
        { "", "insert into caller_numbers (number) values ('13800138000')", CheckViolation, "caller_numbers_number_e164" },
        { "", "insert into caller_numbers (number) values ('+12025550123')", CheckViolation, "caller_numbers_number_e164" },
        { "", "insert into caller_numbers (number) values ('+86 10 1234 5678')", CheckViolation, "caller_numbers_number_e164" },
        { "", "insert into caller_numbers (number) values ('+8612345')", CheckViolation, "caller_numbers_number_e164" },
        { "", "insert into caller_numbers (number, max_concurrent) values ('+8613800138000', 0)", CheckViolation, "caller_numbers_max_concurrent_positive" },
        { "", "insert into caller_numbers (number, daily_cap) values ('+8613800138000', -1)", CheckViolation, "caller_numbers_daily_cap_positive" },
        { "", "insert into caller_numbers (number, ivr_menu) values ('+8613800138000', 'nowhere')", ForeignKeyViolation, "caller_numbers_ivr_menu_fkey" },
        { "insert into skill_groups (id, name) values ('sales', 'Sales')", "insert into skill_group_numbers values ('sales', '+8613800138000')", ForeignKeyViolation, "skill_group_numbers_number_fkey" },
        { "", "update settings set callback_mode = 3", CheckViolation, "settings_callback_mode_valid" },
        { "", "update settings set callback_window = interval '0'", CheckViolation, "settings_callback_window_positive" },
        { "", "update settings set callback_window = interval '-1 hour'", CheckViolation, "settings_callback_window_positive" },
        { "", "update settings set callback_ring_timeout = interval '0'", CheckViolation, "settings_callback_ring_timeout_positive" },
        { "", "update settings set caller_id_rule = 'nearest'", CheckViolation, "settings_caller_id_rule_valid" },
        { "", "update settings set candidate_pick = 'round_robin'", CheckViolation, "settings_candidate_pick_valid" },
        { "", "update settings set protection_mode = 'none'", CheckViolation, "settings_protection_mode_valid" },
        { "", "update settings set outbound_survey_template = 42", ForeignKeyViolation, "settings_outbound_survey_template_fkey" },
        { "", "insert into settings (id) values (2)", CheckViolation, "settings_singleton" },
        { "", "insert into settings default values", UniqueViolation, "settings_pkey" },
        { "", Template.Replace("'outbound'", "'sideways'", StringComparison.Ordinal), CheckViolation, "survey_templates_direction_valid" },
        { Template, "update survey_templates set retries = 0", CheckViolation, "survey_templates_retries_range" },
        { Template, "update survey_templates set timeout_ms = 999", CheckViolation, "survey_templates_timeout_ms_range" },
        { Template, "update survey_templates set language = 'fr'", CheckViolation, "survey_templates_language_valid" },
        { Template, Template.Replace("values (1,", "values (2,", StringComparison.Ordinal), UniqueViolation, "survey_templates_name_key" },
        { Template, "insert into survey_keys values (1, 'x', 'excellent', 5)", CheckViolation, "survey_keys_digit_keypad" },
        { Template, "insert into survey_keys values (1, '1', 'excellent', 5), (1, '1', 'poor', 1)", UniqueViolation, "survey_keys_pkey" },
        { "", "insert into survey_keys values (42, '1', 'excellent', 5)", ForeignKeyViolation, "survey_keys_template_id_fkey" },
        { Template, "insert into survey_results (call_uuid, template_id, outcome, customer_number, started_at) values (gen_random_uuid(), 1, 'maybe', '+8613800138000', now())", CheckViolation, "survey_results_outcome_valid" },
        { Template, "insert into survey_results (call_uuid, template_id, outcome, customer_number, started_at) values (gen_random_uuid(), 1, 'rated', '+8613800138000', now())", CheckViolation, "survey_results_rated_has_score" },
        { Template, "insert into survey_results (call_uuid, template_id, digit, outcome, customer_number, started_at) values (gen_random_uuid(), 1, '1', 'no_answer', '+8613800138000', now())", CheckViolation, "survey_results_no_answer_has_no_digit" },
        { "", Menu.Replace("'main'", "'Main Menu'", StringComparison.Ordinal), CheckViolation, "ivr_menus_name_format" },
        { Menu, "update ivr_menus set timeout_ms = 60001", CheckViolation, "ivr_menus_timeout_ms_range" },
        { Menu, "update ivr_menus set max_retries = 10", CheckViolation, "ivr_menus_max_retries_range" },
        { Menu, "update ivr_menus set default_action = 'voicemail'", CheckViolation, "ivr_menus_default_action_valid" },
        { Menu, "update ivr_menus set default_action = 'agent'", CheckViolation, "ivr_menus_default_target_matches_action" },
        { Menu, "insert into ivr_options (menu, digit, action) values ('main', '1', 'skill_group')", CheckViolation, "ivr_options_target_matches_action" },
        { Menu, "insert into ivr_options (menu, digit, action, target) values ('main', '0', 'hangup', 'sales')", CheckViolation, "ivr_options_target_matches_action" },
        { Menu, "insert into ivr_options (menu, digit, action) values ('main', 'a', 'repeat')", CheckViolation, "ivr_options_digit_keypad" },
        { Menu, "insert into ivr_options (menu, digit, action) values ('main', '1', 'transfer')", CheckViolation, "ivr_options_action_valid" },
        { "", "insert into ivr_options (menu, digit, action) values ('ghost', '1', 'repeat')", ForeignKeyViolation, "ivr_options_menu_fkey" },
        { "", "insert into number_regions values ('12', 'Beijing', 'Beijing')", CheckViolation, "number_regions_prefix_format" },
        { "", "insert into number_regions values ('13800x', 'Beijing', 'Beijing')", CheckViolation, "number_regions_prefix_format" },
        { "", "insert into customer_ids values ('C-1', '13800138000')", CheckViolation, "customer_ids_number_e164" },
        { "insert into customer_ids values ('C-1', '+8613800138000')", "insert into customer_ids values ('C-2', '+8613800138000')", UniqueViolation, "customer_ids_number_key" },
        { "", "insert into customer_ids values (' ', '+8613800138000')", CheckViolation, "customer_ids_customer_id_not_blank" },
        { "insert into outbound_calls (call_uuid, agent_id, customer_number, started_at) values ('7d1f4b4e-0000-4000-8000-000000000001', '1001', '+8613800138000', now())", "insert into outbound_calls (call_uuid, agent_id, customer_number, started_at) values ('7d1f4b4e-0000-4000-8000-000000000001', '1001', '+8613800138000', now())", UniqueViolation, "outbound_calls_call_uuid_key" },
    };

    public static TheoryData<string> GoodRows => new()
    {
        "insert into agents (id, name) values ('1001', 'Zhang')",
        "insert into agents (id, name) values ('agent.zhang_01-b', 'Zhang')",
        "insert into caller_numbers (number, max_concurrent, daily_cap) values ('+8613800138000', 1, 1)",
        "insert into caller_numbers (number) values ('+86101234567')",
        "update settings set callback_mode = 1, callback_window = interval '1 second', caller_id_rule = 'same_region', candidate_pick = 'least_used_today', protection_mode = 'customer_id'",
        Menu + "; insert into ivr_options (menu, digit, action, target) values ('main', '1', 'skill_group', 'sales'), ('main', '#', 'repeat', null), ('main', '*', 'submenu', 'main')",
        Template + "; insert into survey_keys values (1, '1', 'satisfied', 5), (1, '#', 'skip', 0)",
        Template + "; insert into survey_results (call_uuid, template_id, outcome, customer_number, started_at) values (gen_random_uuid(), 1, 'no_answer', '+8613800138000', now())",
        "insert into number_regions values ('1380013', 'Beijing', 'Beijing'), ('010', 'Beijing', 'Beijing')",
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Bad_row_is_refused_by_the_named_constraint(string setup, string statement, string sqlState, string constraint)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => InRolledBackTransactionAsync(setup, statement));

        Assert.Equal(constraint, error.ConstraintName);
        Assert.Equal(sqlState, error.SqlState);
    }

    [Theory]
    [MemberData(nameof(GoodRows))]
    public async Task Good_row_is_accepted(string statement) => await InRolledBackTransactionAsync("", statement);

    [Fact]
    public async Task Deleting_a_menu_leaves_its_numbers_without_a_menu_and_deleting_an_agent_removes_its_memberships()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, $"""
            {Menu};
            insert into caller_numbers (number, ivr_menu) values ('+8613800138000', 'main');
            insert into agents (id, name) values ('1001', 'Zhang');
            insert into skill_groups (id, name) values ('sales', 'Sales');
            insert into agent_skill_groups values ('1001', 'sales');
            delete from ivr_menus;
            delete from agents;
            """);

        await using var check = new NpgsqlCommand(
            "select (select ivr_menu is null from caller_numbers) and (select count(*) = 0 from agent_skill_groups) and (select count(*) = 1 from skill_groups)",
            connection);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Updating_a_row_moves_its_updated_at()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "insert into agents (id, name, updated_at) values ('1001', 'Zhang', '2020-01-01T00:00:00Z')");
        await ExecuteAsync(connection, "update agents set status = 'offline'");

        await using var check = new NpgsqlCommand("select updated_at > '2020-01-02' from agents", connection);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
    }

    private async Task InRolledBackTransactionAsync(string setup, string statement)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            if (setup.Length > 0)
            {
                await ExecuteAsync(connection, setup);
            }

            await ExecuteAsync(connection, statement);
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
