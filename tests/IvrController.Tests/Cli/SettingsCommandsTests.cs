using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class SettingsCommandsTests(PostgresServer postgres)
{
    private const string Survey = """
        insert into survey_templates (name, direction, enabled, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
        values ('after-sales', 'outbound', true, 'survey_guide_outbound', 'survey_closing', 'survey_invalid', 'survey_timeout'),
               ('after-callback', 'inbound', true, 'survey_guide_inbound', 'survey_closing', 'survey_invalid', 'survey_timeout'),
               ('retired', 'outbound', false, 'survey_guide_outbound', 'survey_closing', 'survey_invalid', 'survey_timeout');
        insert into survey_keys select id, '1', '满意', 5 from survey_templates;
        """;

    [Fact]
    public async Task Settings_show_lists_every_setting_one_per_line()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_settings_show");

        var result = await db.RunAsync("settings", "show");

        Assert.Equal((ExitCodes.Success, ""), (result.ExitCode, result.Error));
        string[] lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "caller-id-rule         skill_group",
                "candidate-pick         random",
                "protection             mask",
                "callback               on",
                "callback-mode          2 (original agent first, then the IVR)",
                "callback-window        3d",
                "callback-ring-timeout  20s",
                "outbound-survey        none",
                "inbound-survey         none",
            ],
            lines[..^1]);
        Assert.Matches(@"^updated                \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", lines[^1]);
    }

    [Fact]
    public async Task Settings_set_changes_what_is_given_and_show_prints_it_afterwards()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_settings_set", Survey);

        var set = await db.RunAsync(
            "settings", "set", "--caller-id-rule", "same_region", "--candidate-pick", "least_used_today", "--protection", "customer_id",
            "--callback", "off", "--callback-mode", "1", "--callback-window", "90m", "--callback-ring-timeout", "45s",
            "--outbound-survey", "after-sales", "--inbound-survey", "after-callback");
        var show = await db.RunAsync("settings", "show");

        AdminDatabase.Confirms(
            "Settings updated: caller-id-rule same_region, candidate-pick least_used_today, protection customer_id, callback off, "
            + "callback-mode 1 (original agent only), callback-window 90m, callback-ring-timeout 45s, outbound-survey after-sales (id 1), inbound-survey after-callback (id 2).",
            set);
        Assert.StartsWith(
            AdminDatabase.Lines(
                "caller-id-rule         same_region",
                "candidate-pick         least_used_today",
                "protection             customer_id",
                "callback               off",
                "callback-mode          1 (original agent only)",
                "callback-window        90m",
                "callback-ring-timeout  45s",
                "outbound-survey        after-sales (id 1)",
                "inbound-survey         after-callback (id 2)"),
            show.Output,
            StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(90), await db.ScalarAsync<TimeSpan>("select callback_window from settings"));
    }

    [Fact]
    public async Task Settings_set_changes_only_what_is_given_and_none_switches_a_survey_off()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_settings_subset", Survey);
        await db.RunAsync("settings", "set", "--outbound-survey", "after-sales", "--callback-window", "2h");

        var set = await db.RunAsync("settings", "set", "--outbound-survey", "none");

        AdminDatabase.Confirms("Settings updated: outbound-survey none.", set);
        Assert.Equal(TimeSpan.FromHours(2), await db.ScalarAsync<TimeSpan>("select callback_window from settings"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(outbound_survey_template) from settings"));
    }

    [Theory]
    [InlineData("--callback-window", "0h", "set settings: callback window must be longer than zero")]
    [InlineData("--callback-window", "banana", "--callback-window 'banana' is not a duration: write a whole number and s, m, h or d, e.g. 20s, 90m, 72h, 3d.")]
    [InlineData("--callback-ring-timeout", "5 minutes", "--callback-ring-timeout '5 minutes' is not a duration: write a whole number and s, m, h or d, e.g. 20s, 90m, 72h, 3d.")]
    [InlineData("--callback-ring-timeout", "3m", "set settings: callback ring timeout must be 1 to 120 s")]
    [InlineData("--callback-mode", "3", "set settings: callback mode 3 is unknown: 1 is original agent only, 2 original agent first")]
    [InlineData("--caller-id-rule", "nearest", "--caller-id-rule must be skill_group or same_region, not 'nearest'.")]
    [InlineData("--candidate-pick", "round_robin", "--candidate-pick must be random or least_used_today, not 'round_robin'.")]
    [InlineData("--protection", "none", "--protection must be mask or customer_id, not 'none'.")]
    [InlineData("--callback", "yes", "--callback must be on or off, not 'yes'.")]
    [InlineData("--outbound-survey", "after-callback", "set settings: survey template 'after-callback' is made for inbound calls, so it cannot be the outbound survey")]
    [InlineData("--outbound-survey", "retired", "set settings: survey template 'retired' is disabled: enable it before making it the outbound survey")]
    [InlineData("--inbound-survey", "nope", "set settings: there is no survey template 'nope' for the inbound survey")]
    public async Task A_wrong_setting_is_one_line_exit_1_and_nothing_changes(string option, string value, string message)
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_settings_wrong", Survey);
        string before = (await db.RunAsync("settings", "show")).Output;

        // With a good setting beside the wrong one: the whole edit is refused, not half of it.
        string[] good = option == "--protection" ? ["--callback", "off"] : ["--protection", "customer_id"];
        var result = await db.RunAsync(["settings", "set", .. good, option, value]);

        AdminDatabase.FailsWith(message, result);
        Assert.Equal(before, (await db.RunAsync("settings", "show")).Output);
    }

    [Fact]
    public async Task Settings_set_without_a_setting_says_so()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_settings_empty");

        AdminDatabase.FailsWith("Nothing to set: give at least one setting (see 'ivrctl settings set --help').", await db.RunAsync("settings", "set"));
    }
}
