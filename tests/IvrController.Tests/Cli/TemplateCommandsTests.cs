using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class TemplateCommandsTests(PostgresServer postgres)
{
    private static readonly string[] AfterSales =
    [
        "templates", "add", "after-sales", "--direction", "outbound", "--guide", "survey_guide_outbound", "--closing", "survey_closing",
        "--invalid", "survey_invalid", "--timeout-prompt", "survey_timeout", "--key", "1=满意:5", "--key", "2=一般:3", "--key", "3=不满意:1",
    ];

    private static readonly string[] AfterCallback =
    [
        "templates", "add", "after-callback", "--direction", "inbound", "--guide", "survey_guide_inbound", "--closing", "survey_closing",
        "--invalid", "survey_invalid", "--timeout-prompt", "survey_timeout", "--key", "1=good:5", "--timeout", "8s", "--retries", "3",
        "--language", "en", "--disabled",
    ];

    [Fact]
    public async Task Templates_add_confirms_in_one_line_and_list_and_show_print_it()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_add");

        var added = await db.RunAsync(AfterSales);
        var addedDisabled = await db.RunAsync(AfterCallback);
        await db.RunAsync("settings", "set", "--outbound-survey", "after-sales");
        var list = await db.RunAsync("templates", "list");
        var show = await db.RunAsync("templates", "show", "after-sales");

        AdminDatabase.Confirms("Added survey template after-sales (id 1, outbound, 3 keys).", added);
        AdminDatabase.Confirms("Added survey template after-callback (id 2, inbound, 1 key, disabled).", addedDisabled);
        Assert.Equal(
            AdminDatabase.Lines(
                "ID  NAME            DIRECTION  ENABLED  LANGUAGE  KEYS   TIMEOUT  RETRIES  IN USE",
                "2   after-callback  inbound    no       en        1      8s       3        -",
                "1   after-sales     outbound   yes      zh-CN     1 2 3  5s       1        outbound survey"),
            list.Output);
        Assert.Equal(
            AdminDatabase.Lines(
                "name            after-sales",
                "id              1",
                "direction       outbound",
                "enabled         yes",
                "in use          outbound survey",
                "language        zh-CN",
                "guide           survey_guide_outbound",
                "guide-text      -",
                "closing         survey_closing",
                "closing-text    -",
                "invalid         survey_invalid",
                "invalid-text    -",
                "timeout-prompt  survey_timeout",
                "timeout-text    -",
                "timeout         5s",
                "retries         1",
                "key             1=满意:5",
                "key             2=一般:3",
                "key             3=不满意:1"),
            show.Output);
        Assert.Equal(show.Output, (await db.RunAsync("templates", "show", "1")).Output);
    }

    [Fact]
    public async Task An_empty_list_says_so()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_empty");

        AdminDatabase.Confirms("No survey templates.", await db.RunAsync("templates", "list"));
    }

    [Fact]
    public async Task A_broken_template_is_one_line_naming_every_problem_and_nothing_is_added()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_broken");

        var result = await db.RunAsync([.. AfterSales, "--key", "1=again:1", "--key", "x=odd:0", "--retries", "9", "--timeout", "0s"]);

        AdminDatabase.FailsWith(
            "add template after-sales: key '1' is used twice; key 'x' is not a phone key (0-9, * or #); timeout 0 s is outside 1–60 s; retries 9 is outside 1–5",
            result);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from survey_templates"));
    }

    [Theory]
    [InlineData("--key", "1-good", "--key '1-good' is not KEY=LABEL:SCORE with a one-character key, e.g. 1=满意:5.")]
    [InlineData("--key", "1=good:five", "--key '1=good:five' is not KEY=LABEL:SCORE with a one-character key, e.g. 1=满意:5.")]
    [InlineData("--timeout", "soon", "--timeout 'soon' is not a duration: write a whole number and s, m, h or d, e.g. 20s, 90m, 72h, 3d.")]
    [InlineData("--language", "fr", "add template after-sales: language 'fr' is not supported (zh-CN or en)")]
    public async Task A_mistyped_value_is_one_line_and_exit_1(string option, string value, string message)
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_typo");

        AdminDatabase.FailsWith(message, await db.RunAsync([.. AfterSales, option, value]));
    }

    [Fact]
    public async Task A_wrong_direction_is_one_line_and_missing_prompts_are_named_without_a_prompts_directory()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_usage");

        var wrong = await db.RunAsync(
            "templates", "add", "x", "--direction", "both", "--guide", "g", "--closing", "c", "--invalid", "i", "--timeout-prompt", "t", "--key", "1=a:1");

        AdminDatabase.FailsWith("--direction must be outbound or inbound, not 'both'.", wrong);
        var missing = await db.RunAsync("templates", "add", "x", "--direction", "outbound", "--key", "1=a:1");
        AdminDatabase.FailsWith("add template x: guide prompt is empty; closing prompt is empty; invalid prompt is empty; timeout prompt is empty", missing);
    }

    [Fact]
    public async Task Templates_update_replaces_keys_renames_and_keeps_the_rest()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_update");
        await db.RunAsync(AfterSales);

        var updated = await db.RunAsync("templates", "update", "after-sales", "--key", "9=good:10", "--key", "#=skip:0", "--rename", "after-sales-v2", "--retries", "2");
        var show = await db.RunAsync("templates", "show", "after-sales-v2");

        AdminDatabase.Confirms("Updated survey template after-sales-v2 (id 1, 2 keys, enabled, renamed from after-sales).", updated);
        Assert.Contains("retries         2" + Environment.NewLine, show.Output, StringComparison.Ordinal);
        Assert.Contains("guide           survey_guide_outbound" + Environment.NewLine, show.Output, StringComparison.Ordinal);
        Assert.EndsWith(AdminDatabase.Lines("key             #=skip:0", "key             9=good:10"), show.Output, StringComparison.Ordinal);
        AdminDatabase.FailsWith("There is no survey template 'after-sales'.", await db.RunAsync("templates", "show", "after-sales"));
    }

    [Fact]
    public async Task Templates_update_refuses_both_enabled_and_disabled_and_a_template_in_use_going_off()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_flags");
        await db.RunAsync(AfterSales);
        await db.RunAsync("settings", "set", "--outbound-survey", "after-sales");

        AdminDatabase.FailsWith("Give --enabled or --disabled, not both.", await db.RunAsync("templates", "update", "after-sales", "--enabled", "--disabled"));
        AdminDatabase.FailsWith(
            "update template after-sales: it is the outbound survey in the settings, so it cannot be disabled; switch the outbound survey off or choose another first",
            await db.RunAsync("templates", "update", "after-sales", "--disabled"));
        AdminDatabase.FailsWith("update template ghost: there is no survey template 'ghost'", await db.RunAsync("templates", "update", "ghost", "--retries", "2"));
    }

    [Fact]
    public async Task Templates_remove_is_refused_while_results_refer_to_it_and_reports_a_survey_it_switches_off()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_templates_remove");
        await db.RunAsync(AfterSales);
        await db.RunAsync([.. AfterCallback[..^1]]);
        await db.RunAsync("settings", "set", "--inbound-survey", "after-callback");
        await db.ExecuteAsync("""
            insert into survey_results (call_uuid, template_id, digit, label, score, outcome, customer_number, started_at)
            values (gen_random_uuid(), 1, '1', '满意', 5, 'rated', '+8613800138000', now())
            """);

        var refused = await db.RunAsync("templates", "remove", "after-sales");
        var removed = await db.RunAsync("templates", "remove", "after-callback");

        AdminDatabase.FailsWith("remove template after-sales: survey results still refer to this template: disable it instead of removing it", refused);
        AdminDatabase.Confirms("Removed survey template after-callback (id 2); the inbound survey is now off.", removed);
        Assert.Contains("inbound-survey         none", (await db.RunAsync("settings", "show")).Output, StringComparison.Ordinal);
        AdminDatabase.Confirms("Updated survey template after-sales (id 1, 3 keys, disabled).", await db.RunAsync("templates", "update", "after-sales", "--disabled"));
    }
}
