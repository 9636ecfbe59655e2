using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class MenuCommandsTests(PostgresServer postgres)
{
    private static readonly string[] Prompts = ["--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout"];

    [Fact]
    public async Task Menus_add_confirms_in_one_line_and_list_and_show_print_it()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_add", AdminDatabase.People);

        var billing = await db.RunAsync(["menus", "add", "billing", .. Prompts, "--option", "1=skill_group:care", "--option", "*=submenu:main", "--timeout", "8s", "--retries", "1"]);
        var main = await db.RunAsync(
            ["menus", "add", "main", .. Prompts, "--option", "1=skill_group:sales", "--option", "2=agent:1001", "--option", "9=submenu:main",
             "--option", "*=repeat", "--option", "0=hangup", "--default", "skill_group:care"]);
        await db.ExecuteAsync("update caller_numbers set ivr_menu = 'main' where number <> '+862112345678'");
        var list = await db.RunAsync("menus", "list");
        var show = await db.RunAsync("menus", "show", "main");

        AdminDatabase.FailsWith("add menu billing: option '*' goes to menu 'main', which does not exist", billing);
        AdminDatabase.Confirms("Added menu main (5 options, default skill_group:care).", main);
        Assert.Equal(
            AdminDatabase.Lines(
                "NAME  ENABLED  GREETING     KEYS       DEFAULT           TIMEOUT  RETRIES  NUMBERS",
                "main  yes      ivr_welcome  * 0 1 2 9  skill_group:care  5s       2        2"),
            list.Output);
        Assert.Equal(
            AdminDatabase.Lines(
                "name            main",
                "enabled         yes",
                "greeting        ivr_welcome",
                "greeting-text   -",
                "invalid         ivr_invalid",
                "invalid-text    -",
                "timeout-prompt  ivr_timeout",
                "timeout-text    -",
                "timeout         5s",
                "retries         2",
                "default         skill_group:care",
                "option          *=repeat",
                "option          0=hangup",
                "option          1=skill_group:sales",
                "option          2=agent:1001",
                "option          9=submenu:main",
                "numbers         +861012345678, +862087654321"),
            show.Output);
    }

    [Fact]
    public async Task A_menu_is_disabled_and_enabled_again_with_update_and_each_switch_is_audited()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_disable", AdminDatabase.People);
        await db.RunAsync(["menus", "add", "main", .. Prompts, "--option", "1=skill_group:sales"]);

        var disabled = await db.RunAsync("menus", "update", "main", "--disabled");
        var list = await db.RunAsync("menus", "list");
        var enabled = await db.RunAsync("menus", "update", "main", "--enabled");

        AdminDatabase.Confirms("Updated menu main (1 option, default hangup, disabled).", disabled);
        Assert.StartsWith("main  no  ", list.Output.Split(Environment.NewLine)[1], StringComparison.Ordinal);
        AdminDatabase.Confirms("Updated menu main (1 option, default hangup).", enabled);
        Assert.Contains("enabled         yes", (await db.RunAsync("menus", "show", "main")).Output, StringComparison.Ordinal);
        Assert.Equal(
            AdminDatabase.Lines("main: enabled yes → no", "main: enabled no → yes"),
            await db.ScalarAsync<string>("select string_agg(detail || E'\\n', '' order by id) from audit_log where detail like 'main: %'"));
        AdminDatabase.FailsWith("Give --enabled or --disabled, not both.", await db.RunAsync("menus", "update", "main", "--enabled", "--disabled"));
    }

    [Theory]
    [InlineData("1=skill_group:salse", "hangup", "add menu main: option '1' goes to skill group 'salse', which does not exist")]
    [InlineData("2=agent:9999", "hangup", "add menu main: option '2' goes to agent '9999', who does not exist")]
    [InlineData("5=hangup", "repeat", "add menu main: the default action cannot be repeat: a caller who presses nothing would hear the menu forever")]
    [InlineData("x=hangup", "hangup", "add menu main: option 'x' is not a phone key (0-9, * or #)")]
    [InlineData("12=hangup", "hangup", "--option '12=hangup' is not KEY=ACTION with a one-character key, e.g. 1=skill_group:sales.")]
    [InlineData("1=bogus", "hangup", "--option '1=bogus': the action must be hangup, repeat, skill_group:GROUP, agent:AGENT or submenu:MENU.")]
    [InlineData("1=skill_group", "hangup", "--option '1=skill_group': skill_group needs a target, e.g. skill_group:NAME.")]
    [InlineData("1=hangup:now", "hangup", "--option '1=hangup:now': hangup takes no target.")]
    [InlineData("1=hangup", "voicemail", "--default 'voicemail': the action must be hangup, repeat, skill_group:GROUP, agent:AGENT or submenu:MENU.")]
    public async Task A_wrong_menu_is_one_line_exit_1_and_nothing_is_added(string option, string defaultAction, string message)
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_wrong", AdminDatabase.People);

        var result = await db.RunAsync(["menus", "add", "main", .. Prompts, "--option", option, "--default", defaultAction]);

        AdminDatabase.FailsWith(message, result);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from ivr_menus"));
    }

    [Theory]
    [InlineData("--timeout", "0s", "add menu main: timeout 0 s is outside 1–60 s")]
    [InlineData("--timeout", "2m", "add menu main: timeout 120 s is outside 1–60 s")]
    [InlineData("--retries", "9", "add menu main: max retries 9 is outside 1–5")]
    [InlineData("--retries", "0", "add menu main: max retries 0 is outside 1–5")]
    public async Task Timeouts_and_retries_follow_the_rules_not_the_looser_schema(string option, string value, string message)
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_limits");

        AdminDatabase.FailsWith(message, await db.RunAsync(["menus", "add", "main", .. Prompts, option, value]));
    }

    [Fact]
    public async Task Menus_update_replaces_options_and_keeps_the_rest()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_update", AdminDatabase.People);
        await db.RunAsync(["menus", "add", "main", .. Prompts, "--option", "1=skill_group:sales", "--option", "2=agent:1001", "--retries", "3"]);

        var updated = await db.RunAsync("menus", "update", "main", "--option", "5=skill_group:care", "--greeting", "ivr_goodbye");
        var show = await db.RunAsync("menus", "show", "main");

        AdminDatabase.Confirms("Updated menu main (1 option, default hangup).", updated);
        Assert.Contains(
            AdminDatabase.Lines("greeting        ivr_goodbye", "greeting-text   -", "invalid         ivr_invalid", "invalid-text    -", "timeout-prompt  ivr_timeout", "timeout-text    -", "timeout         5s", "retries         3", "default         hangup", "option          5=skill_group:care"),
            show.Output,
            StringComparison.Ordinal);
        AdminDatabase.FailsWith("update menu ghost: there is no menu 'ghost'", await db.RunAsync("menus", "update", "ghost", "--retries", "2"));
        AdminDatabase.FailsWith("There is no menu 'ghost'.", await db.RunAsync("menus", "show", "ghost"));
    }

    [Fact]
    public async Task Menus_remove_prints_the_numbers_left_without_a_menu_and_is_refused_while_another_menu_goes_there()
    {
        var db = await AdminDatabase.CreateAsync(postgres, "cli_menus_remove", AdminDatabase.People);
        await db.RunAsync(["menus", "add", "billing", .. Prompts]);
        await db.RunAsync(["menus", "add", "main", .. Prompts, "--option", "9=submenu:billing"]);
        await db.ExecuteAsync("update caller_numbers set ivr_menu = 'billing' where number <> '+862112345678'");

        var refused = await db.RunAsync("menus", "remove", "billing");
        await db.RunAsync("menus", "update", "main", "--option", "9=repeat");
        var removed = await db.RunAsync("menus", "remove", "billing");
        var unused = await db.RunAsync("menus", "remove", "main");

        AdminDatabase.FailsWith("remove menu billing: menu 'main': option '9' goes to menu 'billing', which does not exist", refused);
        AdminDatabase.Confirms("Removed menu billing; these numbers now have no menu: +861012345678, +862087654321.", removed);
        AdminDatabase.Confirms("Removed menu main.", unused);
        AdminDatabase.Confirms("No IVR menus.", await db.RunAsync("menus", "list"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(ivr_menu) from caller_numbers"));
    }
}
