using IvrController.Cli;
using IvrController.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary><c>ivrctl calls</c>, <c>surveys</c> and <c>rules check</c> on a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportCommandsTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private const string History = """
        insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, tier, disposition, started_at, ended_at, switch_name) values
            ('00000000-0000-0000-0000-000000000001', '1001', '+8613800138000', '+862152810000', 'skill group', 'SUCCESS', '2026-11-30 09:00:00Z', '2026-11-30 09:01:05Z', 'sw1'),
            ('00000000-0000-0000-0000-000000000002', '1002', '+8613900139000', '+862152810000', 'whole pool', 'NO_ANSWER', '2026-11-30 08:00:00Z', '2026-11-30 08:00:30Z', null),
            ('00000000-0000-0000-0000-000000000003', '1001', '+8613700137000', '+862152810000', 'whole pool', 'SUCCESS', '2026-11-20 08:00:00Z', null, null);
        insert into inbound_calls (call_uuid, customer_number, called_number, route, remembered_agent, agent_id, outcome, started_at, ended_at, switch_name) values
            ('00000000-0000-0000-0000-000000000011', '+8613800138000', '+862152810000', 'callback', '1001', '1001', 'agent_answered', '2026-11-30 09:30:00Z', '2026-11-30 09:32:00Z', 'sw2'),
            ('00000000-0000-0000-0000-000000000012', '+8613500135000', '+862152810000', 'ivr', null, null, 'ended_in_menu', '2026-11-30 07:00:00Z', '2026-11-30 07:00:20Z', null);
        insert into survey_templates (id, name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
            overriding system value values (1, '外呼满意度', 'outbound', 'survey-guide', 'survey-thanks', 'survey-invalid', 'survey-timeout');
        insert into survey_results (call_uuid, template_id, digit, label, score, outcome, agent_id, customer_number, started_at) values
            ('00000000-0000-0000-0000-000000000001', 1, '1', '满意', 5, 'rated', '1001', '+8613800138000', '2026-11-30 09:01:06Z'),
            ('00000000-0000-0000-0000-000000000002', 1, '3', '不满意', 1, 'rated', '1002', '+8613900139000', '2026-11-30 08:00:31Z'),
            ('00000000-0000-0000-0000-000000000004', 1, null, null, null, 'no_answer', '1001', '+8613600136000', '2026-11-29 08:00:00Z');
        """;

    private async Task<Ivrctl> CreateAsync(string prefix) => new(await CallCentreDatabase.CreateAsync(postgres, prefix, History), new FakeTimeProvider(Now));

    [Fact]
    public async Task Calls_lists_the_last_day_newest_first_with_customers_masked_and_the_switch_each_ran_on()
    {
        var ivrctl = await CreateAsync("report_calls");

        var (exitCode, output, _) = await ivrctl.RunAsync("calls");

        Assert.Equal(ExitCodes.Success, exitCode);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Matches(@"^started \(UTC\)\s+kind\s+agent\s+customer\s+our number\s+tier\s+outcome\s+duration\s+switch$", lines[0]);
        Assert.Matches(@"^2026-11-30 09:30:00\s+callback\s+1001\s+138\*\*\*\*8000\s+\+862152810000\s+-\s+agent_answered\s+120s\s+sw2$", lines[1]);
        Assert.Matches(@"^2026-11-30 09:00:00\s+outbound\s+1001\s+138\*\*\*\*8000\s+\+862152810000\s+skill group\s+SUCCESS\s+65s\s+sw1$", lines[2]);
        // A call from before switches were recorded.
        Assert.Matches(@"^2026-11-30 08:00:00\s+outbound\s+1002\s+139\*\*\*\*9000\s+\+862152810000\s+whole pool\s+NO_ANSWER\s+30s\s+-$", lines[3]);
        Assert.Matches(@"^2026-11-30 07:00:00\s+ivr\s+-\s+135\*\*\*\*5000\s+\+862152810000\s+-\s+ended_in_menu\s+20s\s+-$", lines[4]);
        Assert.Equal("4 call(s) since 2026-11-29 10:00:00.", lines[^1]);
        Assert.DoesNotContain("13800138000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("13500135000", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outbound", "outbound", 2)]
    [InlineData("inbound", "callback ivr", 2)]
    [InlineData("all", "callback outbound ivr", 4)]
    public async Task Calls_filter_by_direction(string direction, string kinds, int count)
    {
        var ivrctl = await CreateAsync($"report_calls_{direction}");

        var (exitCode, output, _) = await ivrctl.RunAsync("calls", "--direction", direction);

        Assert.Equal(ExitCodes.Success, exitCode);
        string[] rows = output.TrimEnd().Split('\n')[1..^1];
        Assert.Equal(kinds, string.Join(' ', rows.Select(row => row.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim()).Distinct()));
        Assert.Equal(count, rows.Length);
    }

    [Fact]
    public async Task Calls_filters_by_agent_and_period()
    {
        var ivrctl = await CreateAsync("report_calls_filter");

        var (_, output, _) = await ivrctl.RunAsync("calls", "--agent", "1001", "--since", "30d");

        Assert.EndsWith("3 call(s) since 2026-10-31 10:00:00.\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("1002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surveys_summarise_outcomes_and_the_average_score()
    {
        var ivrctl = await CreateAsync("report_surveys");

        var (exitCode, output, _) = await ivrctl.RunAsync("surveys");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("外呼满意度", output, StringComparison.Ordinal);
        Assert.Contains("3 survey(s) since 2026-11-23 10:00:00: 2 rated, 1 no answer, 0 invalid; average score 3.00.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("13600136000", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "yesterday", "ivrctl: --since 'yesterday' is not a duration")]
    [InlineData("--limit", "0", "ivrctl: --limit 0 is outside 1-10000.")]
    [InlineData("--direction", "sideways", "ivrctl: --direction 'sideways' is not outbound, inbound or all.")]
    public async Task Bad_report_options_are_one_line_and_exit_code_1(string option, string value, string errorStart)
    {
        var ivrctl = await CreateAsync("report_bad");

        var (exitCode, _, error) = await ivrctl.RunAsync("calls", option, value);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.StartsWith(errorStart, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_check_lists_every_problem_and_fails_until_they_are_fixed()
    {
        string database = await CallCentreDatabase.CreateAsync(postgres, "rules_check");
        var ivrctl = new Ivrctl(database);
        await CallCentreDatabase.ExecuteAsync(database, "insert into ivr_options values ('main', '2', 'skill_group', 'nosuch'); insert into number_regions values ('999', '广东', '深圳');");

        var broken = await ivrctl.RunAsync("rules", "check");
        await CallCentreDatabase.ExecuteAsync(database, "delete from ivr_options where digit = '2'; delete from number_regions;");
        var fixedUp = await ivrctl.RunAsync("rules", "check");

        Assert.Equal(ExitCodes.Failure, broken.ExitCode);
        Assert.Contains("  - left out: region prefix 999: ", broken.Output, StringComparison.Ordinal);
        Assert.Contains("skill group 'nosuch', which does not exist", broken.Output, StringComparison.Ordinal);
        Assert.Equal("ivrctl: 2 problem(s) in the rules; see above.\n", broken.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, fixedUp.ExitCode);
        Assert.EndsWith("No problems.\n", fixedUp.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
