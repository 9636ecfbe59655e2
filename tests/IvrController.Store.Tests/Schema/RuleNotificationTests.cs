using Xunit;

namespace IvrController.Store.Tests.Schema;

/// <summary>The triggers themselves, seen from a raw LISTEN session.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RuleNotificationTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly string[] RuleTables =
    [
        "agent_skill_groups", "agents", "caller_numbers", "customer_ids", "ivr_menus", "ivr_options",
        "number_regions", "settings", "skill_group_numbers", "skill_groups", "survey_keys", "survey_templates",
    ];

    [Fact]
    public async Task Insert_into_caller_numbers_notifies_with_the_table_name()
    {
        await using var recorder = await NotificationRecorder.ListenAsync(database.ConnectionString);

        var payloads = await recorder.PayloadsOfAsync(database.ConnectionString,
            "insert into caller_numbers (number) values ('+8613900139000')");

        Assert.Equal(["caller_numbers"], payloads);
    }

    [Fact]
    public async Task Thousand_row_insert_in_one_statement_is_one_notification()
    {
        await using var recorder = await NotificationRecorder.ListenAsync(database.ConnectionString);

        var payloads = await recorder.PayloadsOfAsync(database.ConnectionString, """
            insert into number_regions (prefix, province, city)
            select (1300000 + g)::text, 'Guangdong', 'Shenzhen' from generate_series(1, 1000) g
            """);

        Assert.Equal(["number_regions"], payloads);
        Assert.Equal(1000L, await Sql.ScalarAsync<long>(database.ConnectionString, "select count(*) from number_regions where prefix like '13%'"));
    }

    [Fact]
    public async Task Update_delete_and_truncate_notify_too()
    {
        await using var recorder = await NotificationRecorder.ListenAsync(database.ConnectionString);

        Assert.Equal(["settings"], await recorder.PayloadsOfAsync(database.ConnectionString, "update settings set callback_enabled = false"));
        Assert.Equal(["customer_ids"], await recorder.PayloadsOfAsync(database.ConnectionString, "delete from customer_ids"));
        Assert.Equal(["survey_keys"], await recorder.PayloadsOfAsync(database.ConnectionString, "truncate survey_keys"));
    }

    [Fact]
    public async Task Call_records_do_not_notify()
    {
        await using var recorder = await NotificationRecorder.ListenAsync(database.ConnectionString);

        var payloads = await recorder.PayloadsOfAsync(database.ConnectionString, """
            insert into outbound_calls (call_uuid, agent_id, customer_number, started_at)
            values (gen_random_uuid(), '1001', '+8613800138000', now());
            insert into missed_callbacks (agent_id, customer_number, called_number)
            values ('1001', '+8613800138000', '+861012345678');
            """);

        Assert.Empty(payloads);
    }

    [Fact]
    public async Task Every_rule_table_and_only_those_have_one_statement_level_trigger_for_every_write()
    {
        // pg_trigger.tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead.
        var triggers = await Sql.ListAsync<string>(database.ConnectionString, """
            select c.relname || ' ' || (t.tgtype::int & 3) || ' ' || (t.tgtype::int & 60)
            from pg_trigger t
            join pg_class c on c.oid = t.tgrelid
            join pg_proc p on p.oid = t.tgfoid
            where p.proname = 'notify_rules_changed' and not t.tgisinternal
            order by c.relname
            """);

        Assert.Equal(RuleTables.Select(table => $"{table} 0 60"), triggers);
    }
}
