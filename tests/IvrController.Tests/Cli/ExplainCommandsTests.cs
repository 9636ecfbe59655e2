using IvrController.Cli;
using IvrController.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary><c>ivrctl explain</c> end to end on a real database: the decision, why, and never a full customer number.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExplainCommandsTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Ivrctl At(string database) => new(database, new FakeTimeProvider(Now));

    [Fact]
    public async Task Outbound_under_the_skill_group_rule_shows_the_groups_number_and_the_mask()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_skill"));

        var (exitCode, output, error) = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "138-0013-8000");

        Assert.Equal((ExitCodes.Success, ""), (exitCode, error));
        Assert.Contains("Customer sees:  +862152810000 (上海), from tier SkillGroup", output, StringComparison.Ordinal);
        Assert.Contains("Agent sees:     138****8000 (mask mode)", output, StringComparison.Ordinal);
        Assert.Contains("Tiers:          skill group: 1 number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", output, StringComparison.Ordinal);
    }

    [Theory]
    // 23:30 yesterday in Beijing: the controller's day (Asia/Shanghai) no longer counts it, so neither does explain.
    [InlineData("2026-11-30T15:30:00Z", true)]
    // 00:30 today in Beijing: the number's one call of the day is used.
    [InlineData("2026-11-30T16:30:00Z", false)]
    public async Task Outbound_at_one_in_the_morning_in_beijing_counts_the_daily_cap_from_the_controllers_midnight(string lastCall, bool capFree)
    {
        // 01:00 in Beijing: UTC's day began eight hours before the call centre's.
        var ivrctl = new Ivrctl(
            await CallCentreDatabase.CreateAsync(postgres, "explain_day", $"""
                update caller_numbers set daily_cap = 1 where number = '+862152810000';
                insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, started_at)
                values (gen_random_uuid(), '1001', '+8613900139000', '+862152810000', '{lastCall}');
                """),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero)));

        var (exitCode, output, error) = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "138-0013-8000");

        Assert.Equal((ExitCodes.Success, ""), (exitCode, error));
        Assert.Equal(capFree, output.Contains("Customer sees:  +862152810000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbound_under_the_same_region_rule_takes_the_prefix_table_over_the_geocoder()
    {
        // The geocoder puts all of 173 in 北京, which would pick the 010 number; the admins' table says 深圳.
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_region", """
            update settings set caller_id_rule = 'same_region';
            insert into number_regions values ('1731234', '广东', '深圳');
            """));

        var fromTable = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "17312345678");
        var fromGeocoder = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "17399998888");

        Assert.Contains("Customer:       173****5678 (dialled as number), 广东/深圳 (prefix table)", fromTable.Output, StringComparison.Ordinal);
        Assert.Contains("Customer sees:  +8675512345678 (广东/深圳), from tier SameCity", fromTable.Output, StringComparison.Ordinal);
        Assert.True(fromGeocoder.Output.Contains("Customer sees:  +861062345678 (北京), from tier SameCity", StringComparison.Ordinal), fromGeocoder.Output);
    }

    [Fact]
    public async Task Outbound_in_customer_id_mode_accepts_the_id_and_shows_it_to_the_agent()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_custid", "update settings set protection_mode = 'customer_id';"));

        var (exitCode, output, _) = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "C10086");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Customer:       138****8000 (dialled as customer ID C10086)", output, StringComparison.Ordinal);
        Assert.Contains("Agent sees:     C10086 (dialled as customer ID)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbound_with_no_enabled_number_says_the_call_is_refused_never_the_extension()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_empty", "update caller_numbers set enabled = false;"));

        var (exitCode, output, _) = await ivrctl.RunAsync("explain", "outbound", "--agent", "1001", "--to", "13800138000");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Customer sees:  nothing: the call is refused", output, StringComparison.Ordinal);
        Assert.Contains("the pool has no enabled number", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999", "13800138000", "ivrctl: agent '9999' is not in the agents table")]
    [InlineData("1001", "garbage", "ivrctl: ")]
    public async Task Outbound_with_bad_input_is_one_line_and_exit_code_1(string agent, string to, string errorStart)
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_bad"));

        var (exitCode, output, error) = await ivrctl.RunAsync("explain", "outbound", "--agent", agent, "--to", to);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith(errorStart, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Callback_within_the_window_rings_the_remembered_agent_then_the_ivr_in_mode_2()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_cb2", RememberedCall("1001", "13800138000", hoursAgo: 2)));

        var (exitCode, output, _) = await ivrctl.RunAsync("explain", "callback", "--from", "13800138000", "--to", "02152810000");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Then:           ring agent 1001 for 20s; unanswered → the IVR 'main'", output, StringComparison.Ordinal);
        Assert.Contains("Agent sees:     138****8000 as caller-ID name and number", output, StringComparison.Ordinal);
        Assert.Contains("IVR 'main':", output, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_in_mode_1_with_the_agent_unavailable_plays_busy_and_records_a_missed_callback()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_cb1", "update settings set callback_mode = 1;" + RememberedCall("1001", "13800138000", hoursAgo: 2)));

        var (_, output, _) = await ivrctl.RunAsync("explain", "callback", "--from", "13800138000", "--to", "02152810000", "--agent-unavailable");

        Assert.Contains("Then:           the busy prompt, then the call ends; a missed callback is recorded for the agent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_to_an_agent_set_offline_goes_to_the_ivr_in_mode_2()
    {
        var ivrctl = At(await CallCentreDatabase.CreateAsync(postgres, "explain_cboff", RememberedCall("1002", "13800138000", hoursAgo: 1)));

        var (_, output, _) = await ivrctl.RunAsync("explain", "callback", "--from", "13800138000", "--to", "02152810000");

        Assert.Contains("marked offline by an admin", output, StringComparison.Ordinal);
        Assert.Contains("Then:           the IVR 'main'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_outside_the_window_or_with_memory_off_goes_to_the_ivr()
    {
        var old = At(await CallCentreDatabase.CreateAsync(postgres, "explain_cbold", RememberedCall("1001", "13800138000", hoursAgo: 73)));
        var off = At(await CallCentreDatabase.CreateAsync(postgres, "explain_cbnone", "update settings set callback_enabled = false;" + RememberedCall("1001", "13800138000", hoursAgo: 1)));

        var outside = await old.RunAsync("explain", "callback", "--from", "13800138000", "--to", "02152810000");
        var disabled = await off.RunAsync("explain", "callback", "--from", "13800138000", "--to", "02152810000");

        Assert.Contains("Decision:       no outbound call to this number in the last 72 h → IVR", outside.Output, StringComparison.Ordinal);
        Assert.Contains("Decision:       callback memory is off → IVR", disabled.Output, StringComparison.Ordinal);
        Assert.Contains("Then:           the IVR 'main'", disabled.Output, StringComparison.Ordinal);
    }

    private static string RememberedCall(string agent, string customer, int hoursAgo) => $"""
        insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, started_at)
        values (gen_random_uuid(), '{agent}', '+86{customer}', '+862152810000', '{Now.AddHours(-hoursAgo):O}');
        """;
}
