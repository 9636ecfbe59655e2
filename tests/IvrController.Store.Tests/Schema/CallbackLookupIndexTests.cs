using Xunit;

namespace IvrController.Store.Tests.Schema;

/// <summary>The callback memory must stay one index probe however long the call log grows.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallbackLookupIndexTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    // The query the callback flow runs: the latest call to this customer within the window.
    private const string CallbackLookup = """
        select agent_id, caller_number, started_at
        from outbound_calls
        where customer_number = $1 and started_at >= now() - $2::interval
        order by started_at desc
        limit 1
        """;

    [Fact]
    public async Task Index_is_on_customer_number_then_newest_first()
    {
        string definition = await Sql.ScalarAsync<string>(database.ConnectionString,
            "select indexdef from pg_indexes where tablename = 'outbound_calls' and indexname = 'outbound_calls_callback_lookup'");

        Assert.Equal("CREATE INDEX outbound_calls_callback_lookup ON public.outbound_calls USING btree (customer_number, started_at DESC)", definition);
    }

    [Fact]
    public async Task Callback_lookup_uses_the_index_on_a_few_thousand_calls()
    {
        await Sql.ExecuteAsync(database.ConnectionString, """
            insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, started_at)
            select gen_random_uuid(), (1000 + g % 50)::text, '+86138' || lpad((g % 1000)::text, 8, '0'),
                   '+861012345678', now() - g * interval '1 minute'
            from generate_series(1, 5000) g;
            analyze outbound_calls;
            """);

        string plan = await Sql.ScalarAsync<string>(database.ConnectionString,
            "explain (format json) " + CallbackLookup, "+8613800000042", "72 hours");

        Assert.Contains("\"Index Name\": \"outbound_calls_callback_lookup\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Sort\"", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_lookup_returns_the_latest_call_inside_the_window()
    {
        await Sql.ExecuteAsync(database.ConnectionString, """
            insert into outbound_calls (call_uuid, agent_id, customer_number, started_at) values
                (gen_random_uuid(), 'old', '+8613912345678', now() - interval '80 hours'),
                (gen_random_uuid(), 'earlier', '+8613912345678', now() - interval '5 hours'),
                (gen_random_uuid(), 'latest', '+8613912345678', now() - interval '1 hour'),
                (gen_random_uuid(), 'someone else', '+8613900000000', now());
            """);

        var agents = await Sql.ListAsync<string>(database.ConnectionString, CallbackLookup, "+8613912345678", "72 hours");
        var outside = await Sql.ListAsync<string>(database.ConnectionString, CallbackLookup, "+8613912345678", "30 minutes");

        Assert.Equal(["latest"], agents);
        Assert.Empty(outside);
    }
}
