using IvrController.Admin;
using IvrController.Rules.Ivr;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class IvrMenuAdminTests(PostgresServer server)
{
    [Fact]
    public async Task An_added_menu_reads_back_with_its_options_and_default()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_add");
        await Sql.ExecuteAsync(connectionString, Drafts.People);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");
        IvrMenu main = Drafts.Menu("main", new IvrOption('1', IvrAction.ToSkillGroup("sales")), new IvrOption('2', IvrAction.ToAgent("1001")), new IvrOption('9', IvrAction.Repeat), new IvrOption('0', IvrAction.Hangup))
            with { DefaultAction = IvrAction.ToSkillGroup("care"), Timeout = TimeSpan.FromSeconds(7), MaxRetries = 3 };

        await admin.AddAsync(main, CancellationToken.None);

        IvrMenu? stored = await admin.GetAsync("main", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(TimeSpan.FromSeconds(7), stored.Timeout);
        Assert.Equal((3, IvrAction.ToSkillGroup("care")), (stored.MaxRetries, stored.DefaultAction));
        Assert.Equal(
            [new('0', IvrAction.Hangup), new('1', IvrAction.ToSkillGroup("sales")), new('2', IvrAction.ToAgent("1001")), new IvrOption('9', IvrAction.Repeat)],
            stored.Options);
        Assert.Equal(["0:hangup:", "1:skill_group:sales", "2:agent:1001", "9:repeat:"],
            await Sql.ListAsync<string>(connectionString, "select digit || ':' || action || ':' || coalesce(target, '') from ivr_options order by digit"));
        Assert.Equal(["main"], (await admin.ListAsync(CancellationToken.None)).Select(m => m.Name));
    }

    [Fact]
    public async Task Updating_options_replaces_them_as_a_whole_and_other_edits_keep_them()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_update");
        await Sql.ExecuteAsync(connectionString, Drafts.People);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("main", new IvrOption('1', IvrAction.ToSkillGroup("sales")), new IvrOption('2', IvrAction.ToAgent("1001"))), CancellationToken.None);

        await admin.UpdateAsync("main", m => m with { Options = [new('5', IvrAction.ToSkillGroup("care"))] }, CancellationToken.None);
        IvrMenu updated = await admin.UpdateAsync("main", m => m with { Greeting = "ivr_goodbye", Name = "renamed-is-ignored" }, CancellationToken.None);

        IvrMenu? stored = await admin.GetAsync("main", CancellationToken.None);
        Assert.Equivalent(updated, stored, strict: true);
        Assert.Equal("ivr_goodbye", stored!.Greeting);
        Assert.Equal([new IvrOption('5', IvrAction.ToSkillGroup("care"))], stored.Options);
    }

    public static TheoryData<string, string> BrokenMenus => new()
    {
        { "unknown skill group", "option '1' goes to skill group 'salse', which does not exist" },
        { "unknown agent", "option '2' goes to agent '9999', who does not exist" },
        { "unknown submenu", "option '3' goes to menu 'billing', which does not exist" },
        { "key 5 twice", "option '5' is used twice" },
        { "key x", "option 'x' is not a phone key (0-9, * or #)" },
        { "default repeat", "the default action cannot be repeat: a caller who presses nothing would hear the menu forever" },
        { "timeout 0", "timeout 0 s is outside 1–60 s" },
        { "retries 9", "max retries 9 is outside 1–5" },
        { "retries 0", "max retries 0 is outside 1–5" },
        { "greeting with a space", "greeting 'ivr welcome' contains a space or line break: play_and_get_digits splits its arguments on spaces" },
    };

    [Theory]
    [MemberData(nameof(BrokenMenus))]
    public async Task A_broken_menu_is_refused_in_the_rules_words_and_nothing_is_written(string broken, string problem)
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_broken");
        await Sql.ExecuteAsync(connectionString, Drafts.People);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        IvrMenu menu = Drafts.Menu("main");
        menu = broken switch
        {
            "unknown skill group" => menu with { Options = [new('1', IvrAction.ToSkillGroup("salse"))] },
            "unknown agent" => menu with { Options = [new('2', IvrAction.ToAgent("9999"))] },
            "unknown submenu" => menu with { Options = [new('3', IvrAction.ToSubmenu("billing"))] },
            "key 5 twice" => menu with { Options = [new('5', IvrAction.Hangup), new('5', IvrAction.Repeat)] },
            "key x" => menu with { Options = [new('x', IvrAction.Hangup)] },
            "default repeat" => menu with { DefaultAction = IvrAction.Repeat },
            "timeout 0" => menu with { Timeout = TimeSpan.Zero },
            "retries 9" => menu with { MaxRetries = 9 },
            "retries 0" => menu with { MaxRetries = 0 },
            _ => menu with { Greeting = "ivr welcome" },
        };

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new IvrMenuAdmin(dataSource, "tester").AddAsync(menu, CancellationToken.None));

        Assert.Equal($"add menu main: {problem}", refused.Message);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from ivr_menus"));
    }

    [Fact]
    public async Task Every_problem_of_a_menu_is_listed_in_one_refusal()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "menus_many"));
        IvrMenu menu = Drafts.Menu("main", new IvrOption('1', IvrAction.ToSkillGroup("salse"))) with { MaxRetries = 9 };

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => new IvrMenuAdmin(dataSource, "tester").AddAsync(menu, CancellationToken.None));

        Assert.Equal("add menu main: option '1' goes to skill group 'salse', which does not exist; max retries 9 is outside 1–5", refused.Message);
    }

    [Fact]
    public async Task A_submenu_may_name_the_menu_itself_or_one_added_with_it()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_submenu");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");

        await admin.AddAsync(Drafts.Menu("solo", new IvrOption('*', IvrAction.ToSubmenu("solo"))), CancellationToken.None);
        await admin.AddAsync(
            [Drafts.Menu("main", new IvrOption('9', IvrAction.ToSubmenu("billing"))), Drafts.Menu("billing", new IvrOption('0', IvrAction.ToSubmenu("main")))],
            CancellationToken.None);

        Assert.Equal(["billing", "main", "solo"], await Sql.ListAsync<string>(connectionString, "select name from ivr_menus order by name"));
    }

    [Fact]
    public async Task Default_actions_that_go_round_in_a_loop_are_refused()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "menus_loop"));
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("a-next"), CancellationToken.None);
        await admin.AddAsync(Drafts.Menu("a") with { DefaultAction = IvrAction.ToSubmenu("a-next") }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() =>
            admin.UpdateAsync("a-next", m => m with { DefaultAction = IvrAction.ToSubmenu("a") }, CancellationToken.None));

        Assert.Equal(
            "update menu a-next: menu 'a': a caller who presses nothing goes round a → a-next → a for ever; one default action in the loop must route or hang up",
            refused.Message);
    }

    [Fact]
    public async Task Removing_a_menu_reports_the_numbers_that_lost_it()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_remove");
        await Sql.ExecuteAsync(connectionString, Drafts.People);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("main"), CancellationToken.None);
        await admin.AddAsync(Drafts.Menu("night"), CancellationToken.None);
        await Sql.ExecuteAsync(connectionString, """
            update caller_numbers set ivr_menu = 'main' where number in ('+862087654321', '+861012345678');
            update caller_numbers set ivr_menu = 'night' where number = '+862112345678';
            """);
        Assert.Equal(["+861012345678", "+862087654321"], (await admin.NumbersByMenuAsync(CancellationToken.None))["main"]);

        IvrMenuRemoval removal = await admin.RemoveAsync("main", CancellationToken.None);

        Assert.Equal("main", removal.Menu.Name);
        Assert.Equal(["+861012345678", "+862087654321"], removal.NumbersWithoutMenu);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from caller_numbers where ivr_menu is not null"));
        Assert.Equal(["+862112345678"], (await admin.RemoveAsync("night", CancellationToken.None)).NumbersWithoutMenu);
        Assert.Empty(await admin.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_menu_another_menu_goes_to_cannot_be_removed()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_remove_used");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("billing"), CancellationToken.None);
        await admin.AddAsync(Drafts.Menu("main", new IvrOption('9', IvrAction.ToSubmenu("billing"))), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.RemoveAsync("billing", CancellationToken.None));

        Assert.Equal("remove menu billing: menu 'main': option '9' goes to menu 'billing', which does not exist", refused.Message);
        Assert.Equal(2L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from ivr_menus"));
    }

    [Fact]
    public async Task A_problem_the_edit_did_not_cause_in_another_menu_does_not_block_it()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "menus_unrelated");
        await Sql.ExecuteAsync(connectionString, Drafts.People);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("old", new IvrOption('1', IvrAction.ToSkillGroup("care"))), CancellationToken.None);
        await Sql.ExecuteAsync(connectionString, "delete from skill_groups where id = 'care'");

        await admin.AddAsync(Drafts.Menu("main", new IvrOption('1', IvrAction.ToSkillGroup("sales"))), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RuleEditException>(() => admin.UpdateAsync("old", m => m with { MaxRetries = 1 }, CancellationToken.None));

        Assert.Equal("update menu old: option '1' goes to skill group 'care', which does not exist", refused.Message);
    }

    [Fact]
    public async Task A_taken_name_or_one_the_schema_refuses_is_refused_in_words()
    {
        await using var dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(server, "menus_names"));
        var admin = new IvrMenuAdmin(dataSource, "tester");
        await admin.AddAsync(Drafts.Menu("main"), CancellationToken.None);

        var taken = await Assert.ThrowsAsync<RuleEditException>(() => admin.AddAsync(Drafts.Menu("main"), CancellationToken.None));
        var badName = await Assert.ThrowsAsync<RuleEditException>(() => admin.AddAsync(Drafts.Menu("Main Menu"), CancellationToken.None));
        var missing = await Assert.ThrowsAsync<RuleEditException>(() => admin.RemoveAsync("ghost", CancellationToken.None));

        Assert.Equal("add menu main: a menu named 'main' already exists", taken.Message);
        Assert.Equal("add menu Main Menu: a menu name is 1-64 of lower-case letters, digits, '_', '-'", badName.Message);
        Assert.Equal("ivr_menus_name_format", badName.Constraint);
        Assert.Equal("remove menu ghost: there is no menu 'ghost'", missing.Message);
    }
}
