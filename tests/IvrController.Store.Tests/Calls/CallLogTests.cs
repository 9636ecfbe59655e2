using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.Store.Calls;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Calls;

/// <summary>The call log and the callback memory on the real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallLogTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private CallLog Log => new(database.DataSource);

    private static PhoneNumber Customer(string raw) => ChineseNumberNormalizer.Default.Normalize(raw);

    private static OutboundCallRecord Call(string agent, string customer, string? caller, DateTimeOffset startedAt) =>
        new(Guid.NewGuid(), agent, Customer(customer).E164, caller, "skill_group", "pool", "random among 3", startedAt);

    [Fact]
    public async Task Callback_memory_is_the_latest_call_to_the_number_within_the_window()
    {
        await Log.RecordOutboundCallAsync(Call("1001", "13800000001", "+862152810000", Now.AddHours(-80)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1002", "13800000001", "+862152810001", Now.AddHours(-30)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1003", "13800000001", "+862152810002", Now.AddHours(-2)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1004", "13800000002", "+862152810003", Now.AddHours(-1)), CancellationToken.None);

        LastOutboundCall? last = await Log.FindLastOutboundCallAsync(Customer("+86 138 0000 0001"), Now.AddHours(-72), CancellationToken.None);

        Assert.NotNull(last);
        Assert.Equal(("1003", "+862152810002", "+8613800000001"), (last.AgentId, last.CallerNumber.E164, last.CustomerNumber.E164));
        Assert.Equal(Now.AddHours(-2), last.StartedAt);
    }

    [Fact]
    public async Task The_memory_loaded_at_start_is_the_latest_call_per_customer_that_showed_one_of_our_numbers()
    {
        await Log.RecordOutboundCallAsync(Call("1001", "13800000091", "+862152810000", Now.AddHours(-20)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1002", "13800000091", "+862152810001", Now.AddHours(-10)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1003", "13800000091", null, Now.AddHours(-1)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1004", "13800000092", "+862152810003", Now.AddHours(-3)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1005", "13800000093", "+862152810003", Now.AddHours(-100)), CancellationToken.None);

        IReadOnlyList<LastOutboundCall> calls = await Log.LatestOutboundCallPerCustomerSinceAsync(Now.AddHours(-72), CancellationToken.None);

        var ours = calls.Where(c => c.CustomerNumber.E164 is "+8613800000091" or "+8613800000092" or "+8613800000093")
            .OrderBy(c => c.CustomerNumber.E164).Select(c => (c.AgentId, c.CustomerNumber.E164, c.CallerNumber.E164, c.StartedAt)).ToArray();
        Assert.Equal(
            [("1002", "+8613800000091", "+862152810001", Now.AddHours(-10)), ("1004", "+8613800000092", "+862152810003", Now.AddHours(-3))],
            ours);
    }

    [Fact]
    public async Task Open_calls_are_those_started_in_the_range_whose_end_was_never_recorded()
    {
        var ended = Call("1001", "13800000101", "+862152810000", Now.AddHours(-3));
        var open = Call("1001", "13800000102", "+862152810000", Now.AddHours(-2));
        var tooOld = Call("1001", "13800000103", "+862152810000", Now.AddDays(-3));
        var afterStart = Call("1001", "13800000104", "+862152810000", Now.AddMinutes(1));
        foreach (var call in new[] { ended, open, tooOld, afterStart })
        {
            await Log.RecordOutboundCallAsync(call, CancellationToken.None);
        }

        await Log.RecordOutboundCallEndAsync(new OutboundCallEnd(ended.CallUuid, "SUCCESS", null, Now.AddHours(-2.5)), CancellationToken.None);

        IReadOnlyList<Guid> found = await Log.OpenOutboundCallsAsync(Now.AddDays(-2), Now, CancellationToken.None);

        Assert.Contains(open.CallUuid, found);
        Assert.DoesNotContain(ended.CallUuid, found);
        Assert.DoesNotContain(tooOld.CallUuid, found);
        Assert.DoesNotContain(afterStart.CallUuid, found);
    }

    [Fact]
    public async Task Through_its_own_pool_the_call_log_keeps_its_statements_prepared_on_the_server()
    {
        // One connection, so every statement below and the check after them run on it.
        string oneConnection = new NpgsqlConnectionStringBuilder(CallLogPool.ConnectionString(database.ConnectionString)) { MaxPoolSize = 1 }.ConnectionString;
        await using var pool = NpgsqlDataSource.Create(oneConnection);
        var log = new CallLog(pool);
        var customer = Customer("13800000555");

        for (int i = 0; i < 8; i++)
        {
            var call = Call($"20{i:00}", "13800000555", "+862152810000", Now.AddMinutes(i));
            await log.RecordOutboundCallAsync(call, CancellationToken.None);
            Assert.True(await log.RecordOutboundCallEndAsync(new OutboundCallEnd(call.CallUuid, "SUCCESS", Now.AddMinutes(i), Now.AddMinutes(i + 1)), CancellationToken.None));
            Assert.Equal($"20{i:00}", (await log.FindLastOutboundCallAsync(customer, Now.AddHours(-1), CancellationToken.None))?.AgentId);
        }

        await using NpgsqlConnection connection = await pool.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like '%outbound_calls%'", connection);
        // The insert, the end and the lookup, each prepared once after its first few uses and kept.
        Assert.Equal(3L, (long)(await prepared.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task No_call_within_the_window_is_no_memory()
    {
        await Log.RecordOutboundCallAsync(Call("1001", "13800000011", "+862152810000", Now.AddHours(-73)), CancellationToken.None);

        Assert.Null(await Log.FindLastOutboundCallAsync(Customer("13800000011"), Now.AddHours(-72), CancellationToken.None));
        Assert.Null(await Log.FindLastOutboundCallAsync(Customer("13800000012"), Now.AddHours(-72), CancellationToken.None));
    }

    [Fact]
    public async Task A_call_that_showed_none_of_our_numbers_is_not_memory()
    {
        await Log.RecordOutboundCallAsync(Call("1001", "13800000021", "+862152810000", Now.AddHours(-5)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1002", "13800000021", null, Now.AddHours(-1)), CancellationToken.None);

        LastOutboundCall? last = await Log.FindLastOutboundCallAsync(Customer("13800000021"), Now.AddHours(-72), CancellationToken.None);

        Assert.Equal("1001", last?.AgentId);
    }

    [Fact]
    public async Task A_replayed_call_is_stored_once_and_its_end_is_recorded()
    {
        var call = Call("1001", "13800000031", "+862152810000", Now);

        Assert.True(await Log.RecordOutboundCallAsync(call, CancellationToken.None));
        Assert.False(await Log.RecordOutboundCallAsync(call, CancellationToken.None));
        Assert.True(await Log.RecordOutboundCallEndAsync(new OutboundCallEnd(call.CallUuid, "SUCCESS", Now.AddSeconds(5), Now.AddSeconds(65)), CancellationToken.None));
        Assert.False(await Log.RecordOutboundCallEndAsync(new OutboundCallEnd(Guid.NewGuid(), "SUCCESS", null, Now), CancellationToken.None));

        var calls = await new CallReports(database.DataSource).CallsAsync(Now.AddMinutes(-1), Now.AddMinutes(1), "outbound", "1001", 100, CancellationToken.None);
        var row = Assert.Single(calls, r => r.CallUuid == call.CallUuid);
        Assert.Equal(("SUCCESS", Now.AddSeconds(65).UtcDateTime), (row.Outcome, row.EndedAt));
    }

    [Fact]
    public async Task Times_in_any_offset_are_stored_as_the_same_instant()
    {
        var beijing = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(8));
        await Log.RecordOutboundCallAsync(Call("1001", "13800000041", "+862152810000", beijing), CancellationToken.None);

        LastOutboundCall? last = await Log.FindLastOutboundCallAsync(Customer("13800000041"), beijing.AddMinutes(-1), CancellationToken.None);

        Assert.Equal(beijing.UtcDateTime, last?.StartedAt.UtcDateTime);
    }

    [Fact]
    public async Task Survey_results_are_stored_once_per_call_and_template_and_reported_with_the_template_name()
    {
        int template = await Sql.ScalarAsync<int>(database.ConnectionString, """
            insert into survey_templates (name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
            values ('calllog-survey', 'outbound', 'g', 'c', 'i', 't') returning id
            """);
        Guid callUuid = Guid.NewGuid();
        var rated = new SurveyResultRecord(callUuid, template, "rated", '1', "满意", 5, "1009", "+8613800000051", Now, Now.AddSeconds(4));

        Assert.True(await Log.RecordSurveyResultAsync(rated, CancellationToken.None));
        Assert.False(await Log.RecordSurveyResultAsync(rated with { Digit = '2' }, CancellationToken.None));
        Assert.True(await Log.RecordSurveyResultAsync(
            new SurveyResultRecord(Guid.NewGuid(), template, "no_answer", null, null, null, "1009", "+8613800000052", Now, null), CancellationToken.None));

        var report = await Log.SurveyResultsAsync(Now.AddMinutes(-1), "1009", 10, CancellationToken.None);
        Assert.Equal(["calllog-survey no_answer  ", "calllog-survey rated 1 5"], report.Select(r => $"{r.TemplateName} {r.Outcome} {r.Digit} {r.Score}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_reports_show_the_customer_id_the_agent_saw_when_the_table_has_none()
    {
        // Customer-ID mode with a CRM over HTTP: customer_ids is empty, the ID is what the agent saw on the call.
        var outbound = new OutboundCallRecord(
            Guid.NewGuid(), "1095", "+8613800000095", "+862152810000", "skill_group", "skill_group", "r", Now.AddHours(-3), CustomerId: "CRM-95");
        var masked = new OutboundCallRecord(Guid.NewGuid(), "1095", "+8613800000096", "+862152810000", "skill_group", "skill_group", "r", Now.AddHours(-2));
        var callback = new InboundCallRecord(Guid.NewGuid(), "+8613800000095", "+862152810000", "callback", "1095", "1095", "agent_answered", Now, Now.AddSeconds(20));
        await Log.RecordOutboundCallAsync(outbound, CancellationToken.None);
        await Log.RecordOutboundCallAsync(masked, CancellationToken.None);
        await Log.RecordInboundCallAsync(callback, CancellationToken.None);
        await Log.RecordMissedCallbackAsync(new MissedCallbackRecord("1095", "+8613800000095", "+862152810000", Now.AddMinutes(-1)), CancellationToken.None);
        var reports = new CallReports(database.DataSource);

        var calls = await reports.CallsAsync(Now.AddHours(-4), Now.AddMinutes(1), null, "1095", 10, CancellationToken.None);
        var missed = await reports.MissedCallbacksAsync(Now.AddHours(-4), Now.AddMinutes(1), "1095", 10, CancellationToken.None);

        Assert.Equal(
            ["callback +8613800000095 CRM-95", "outbound +8613800000096 -", "outbound +8613800000095 CRM-95"],
            calls.Select(c => $"{c.Kind} {c.CustomerNumber} {c.CustomerId ?? "-"}"));
        Assert.Equal(["+8613800000095 CRM-95"], missed.Select(m => $"{m.CustomerNumber} {m.CustomerId}"));
        Assert.Equal("CRM-95", await Sql.ScalarAsync<string>(database.ConnectionString, $"select customer_id from outbound_calls where call_uuid = '{outbound.CallUuid}'"));
    }

    [Fact]
    public async Task An_inbound_call_written_again_is_stored_once_and_the_calls_report_lists_it_beside_outbound_calls()
    {
        var inbound = new InboundCallRecord(Guid.NewGuid(), "+8613800000091", "+862152810000", "ivr", null, "1091", "agent_answered", Now, Now.AddSeconds(42));
        await Log.RecordOutboundCallAsync(
            new OutboundCallRecord(Guid.NewGuid(), "1091", "+8613800000092", "+862152810000", "skill_group", "skill_group", "r", Now.AddSeconds(-5)), CancellationToken.None);

        Assert.True(await Log.RecordInboundCallAsync(inbound, CancellationToken.None));
        Assert.False(await Log.RecordInboundCallAsync(inbound with { Outcome = "faulted" }, CancellationToken.None));

        var calls = await new CallReports(database.DataSource).CallsAsync(Now.AddMinutes(-1), Now.AddMinutes(1), null, "1091", 10, CancellationToken.None);
        Assert.Equal(
            ["ivr +8613800000091 +862152810000 agent_answered 42", "outbound +8613800000092 +862152810000  "],
            calls.Select(c => $"{c.Kind} {c.CustomerNumber} {c.OurNumber} {c.Outcome} {c.DurationSeconds}"));
        var onlyIvr = await new CallReports(database.DataSource).CallsAsync(Now.AddMinutes(-1), Now.AddMinutes(1), "ivr", "1091", 10, CancellationToken.None);
        Assert.Equal([inbound.CallUuid], onlyIvr.Select(c => c.CallUuid));
    }

    [Fact]
    public async Task The_switch_a_call_ran_on_is_stored_with_it_and_the_calls_report_gives_it_back()
    {
        var outbound = new OutboundCallRecord(
            Guid.NewGuid(), "1097", "+8613800000097", "+862152810000", "skill_group", "skill_group", "r", Now.AddMinutes(-3), SwitchName: "sw1");
        var inbound = new InboundCallRecord(
            Guid.NewGuid(), "+8613800000097", "+862152810000", "callback", "1097", "1097", "agent_answered", Now.AddMinutes(-2), Now, SwitchName: "sw2");
        // A call from before switches were recorded, or whose switch was not known.
        var unknown = new OutboundCallRecord(Guid.NewGuid(), "1097", "+8613800000098", "+862152810000", "skill_group", "skill_group", "r", Now.AddMinutes(-1));
        await Log.RecordOutboundCallAsync(outbound, CancellationToken.None);
        await Log.RecordInboundCallAsync(inbound, CancellationToken.None);
        await Log.RecordOutboundCallAsync(unknown, CancellationToken.None);

        var calls = await new CallReports(database.DataSource).CallsAsync(Now.AddMinutes(-5), Now.AddMinutes(1), null, "1097", 10, CancellationToken.None);

        Assert.Equal(
            ["outbound +8613800000098 -", "callback +8613800000097 sw2", "outbound +8613800000097 sw1"],
            calls.Select(c => $"{c.Kind} {c.CustomerNumber} {c.SwitchName ?? "-"}"));
        Assert.Equal("sw1", await Sql.ScalarAsync<string>(database.ConnectionString, $"select switch_name from outbound_calls where call_uuid = '{outbound.CallUuid}'"));
        Assert.Equal("sw2", await Sql.ScalarAsync<string>(database.ConnectionString, $"select switch_name from inbound_calls where call_uuid = '{inbound.CallUuid}'"));
    }

    [Fact]
    public async Task A_missed_callback_written_again_with_its_record_id_is_stored_once()
    {
        var missed = new MissedCallbackRecord("1088", "+8613800000082", "+862152810000", Now);
        Guid recordId = Guid.CreateVersion7();

        Assert.True(await Log.RecordMissedCallbackAsync(missed, recordId, CancellationToken.None));
        Assert.False(await Log.RecordMissedCallbackAsync(missed, recordId, CancellationToken.None));
        Assert.True(await Log.RecordMissedCallbackAsync(missed, Guid.CreateVersion7(), CancellationToken.None));

        Assert.Equal(2, await Sql.ScalarAsync<long>(database.ConnectionString, "select count(*) from missed_callbacks where agent_id = '1088'"));
    }

    [Fact]
    public async Task A_rated_result_without_a_score_is_refused_by_the_schema()
    {
        int template = await Sql.ScalarAsync<int>(database.ConnectionString, """
            insert into survey_templates (name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
            values ('calllog-refused', 'outbound', 'g', 'c', 'i', 't') returning id
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Log.RecordSurveyResultAsync(
            new SurveyResultRecord(Guid.NewGuid(), template, "rated", '1', "满意", null, "1001", "+8613800000061", Now, null), CancellationToken.None));

        Assert.Equal("survey_results_rated_has_score", error.ConstraintName);
    }

    [Fact]
    public async Task Calls_per_caller_number_count_today_only()
    {
        await Log.RecordOutboundCallAsync(Call("1001", "13800000071", "+862152819999", Now.AddDays(-1)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1001", "13800000072", "+862152819999", Now.AddMinutes(-5)), CancellationToken.None);
        await Log.RecordOutboundCallAsync(Call("1001", "13800000073", "+862152819999", Now.AddMinutes(-4)), CancellationToken.None);

        var counts = await Log.CallsPerCallerNumberSinceAsync(Now.Date, CancellationToken.None);

        Assert.Equal(2, counts["+862152819999"]);
    }

    [Fact]
    public async Task Missed_callbacks_are_kept_for_the_agent()
    {
        await Log.RecordMissedCallbackAsync(new MissedCallbackRecord("1077", "+8613800000081", "+862152810000", Now), CancellationToken.None);

        Assert.Equal(1L, await Sql.ScalarAsync<long>(database.ConnectionString, "select count(*) from missed_callbacks where agent_id = '1077'"));
    }
}
