using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class CallerNumberAdminTests(MigratedDatabase database) : AdminTestBase(database), IClassFixture<MigratedDatabase>
{
    private readonly CallerNumberAdmin _numbers = new(database.DataSource, "tester");

    [Theory]
    [InlineData("021-5281-0000", "+862152810000")]
    [InlineData("+86 21 5281 0000", "+862152810000")]
    [InlineData("(0755) 8888 1234", "+8675588881234")]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("0086 138-0013-8000", "+8613800138000")]
    [InlineData("４００１２３４５６７", "+864001234567")]
    public async Task Any_form_an_admin_types_is_stored_in_e164(string typed, string stored)
    {
        var added = await _numbers.AddAsync(new CallerNumberSetup(typed), default);

        Assert.Equal(stored, added.E164);
        Assert.Equal([stored], await Sql.ListAsync<string>(ConnectionString, "select number from caller_numbers"));
    }

    [Fact]
    public async Task Adding_a_number_twice_in_another_form_is_refused_with_the_rule_it_breaks()
    {
        await _numbers.AddAsync(new CallerNumberSetup("021-5281-0000"), default);

        var refusal = await RefusedAsync("add number +862152810000: this number is already in the pool",
            () => _numbers.AddAsync(new CallerNumberSetup("+86 21 52810000"), default));
        Assert.Equal("caller_numbers_pkey", refusal.Constraint);
    }

    [Fact]
    public async Task Input_that_is_not_a_number_gets_the_normalisers_sentence_without_the_digits() =>
        await RefusedAsync("add number ***-****-*00: too short: area code 021 needs 8 local digits, this one has 7",
            () => _numbers.AddAsync(new CallerNumberSetup("021-5281-000"), default));

    [Fact]
    public async Task A_service_number_is_not_a_valid_caller_number_in_e164()
    {
        var refusal = await RefusedAsync("add number +8695588: a caller number must be +86 followed by 6-12 digits",
            () => _numbers.AddAsync(new CallerNumberSetup("95588"), default));
        Assert.Equal("caller_numbers_number_e164", refusal.Constraint);
    }

    [Fact]
    public async Task An_unknown_menu_or_skill_group_is_refused_and_nothing_is_added()
    {
        await RefusedAsync("add number +8613800138000: no such IVR menu",
            () => _numbers.AddAsync(new CallerNumberSetup("13800138000") { IvrMenu = "main" }, default));
        await RefusedAsync("add number +8613800138000: no such skill group: sales",
            () => _numbers.AddAsync(new CallerNumberSetup("13800138000") { SkillGroups = ["sales"] }, default));
        Assert.Equal(0, await CountAsync("caller_numbers"));
    }

    [Fact]
    public async Task Limits_below_one_are_refused()
    {
        await RefusedAsync("add number +8613800138000: max concurrent calls must be at least 1 (or no limit)",
            () => _numbers.AddAsync(new CallerNumberSetup("13800138000") { MaxConcurrent = 0 }, default));
        await RefusedAsync("add number +8613800138000: the daily cap must be at least 1 (or no limit)",
            () => _numbers.AddAsync(new CallerNumberSetup("13800138000") { DailyCap = -5 }, default));
    }

    [Fact]
    public async Task A_region_needs_both_province_and_city_and_is_stored_in_canonical_names()
    {
        await RefusedAsync("add number +8613800138000: a number's region is a province and a city: give both or neither",
            () => _numbers.AddAsync(new CallerNumberSetup("13800138000") { Province = "广东" }, default));

        await _numbers.AddAsync(new CallerNumberSetup("13800138000") { Province = "广东省", City = "深圳市" }, default);
        var listed = Assert.Single(await _numbers.ListAsync(default));
        Assert.Equal(("广东", "深圳"), (listed.Province, listed.City));
    }

    [Fact]
    public async Task Everything_given_on_add_is_listed()
    {
        await AddMenuAsync("main");
        await new SkillGroupAdmin(Database.DataSource, "tester").AddAsync("sales", "Sales", "outbound", default);
        await _numbers.AddAsync(new CallerNumberSetup("021-5281-0000")
        {
            Province = "上海", City = "上海", Enabled = false, MaxConcurrent = 5, DailyCap = 200, IvrMenu = "main", SkillGroups = ["sales"],
        }, default);

        var n = Assert.Single(await _numbers.ListAsync(default));
        Assert.Equal(("+862152810000", "上海", "上海", false, 5, 200, "main"), (n.Number, n.Province, n.City, n.Enabled, n.MaxConcurrent, n.DailyCap, n.IvrMenu));
        Assert.Equal(["sales"], n.SkillGroups);
    }

    [Fact]
    public async Task An_update_sets_and_clears_what_it_names_and_keeps_the_rest()
    {
        await AddMenuAsync("main");
        await _numbers.AddAsync(new CallerNumberSetup("13800138000")
        {
            Province = "广东", City = "深圳", Enabled = false, MaxConcurrent = 5, DailyCap = 200, IvrMenu = "main",
        }, default);

        var updated = await _numbers.UpdateAsync("138-0013-8000", new CallerNumberChange
        {
            Enabled = new(true),
            MaxConcurrent = new(null),
            IvrMenu = new(null),
        }, default);

        Assert.Equal("+8613800138000", updated.E164);
        var n = Assert.Single(await _numbers.ListAsync(default));
        Assert.Equal(("广东", "深圳", true, (int?)null, (int?)200, (string?)null), (n.Province, n.City, n.Enabled, n.MaxConcurrent, n.DailyCap, n.IvrMenu));

        await _numbers.UpdateAsync("13800138000", new CallerNumberChange { Province = new(null), City = new(null) }, default);
        n = Assert.Single(await _numbers.ListAsync(default));
        Assert.Equal(((string?)null, (string?)null), (n.Province, n.City));
    }

    [Fact]
    public async Task Updating_or_removing_a_number_not_in_the_pool_says_so()
    {
        await RefusedAsync("update number +8613800138000: no such caller number",
            () => _numbers.UpdateAsync("13800138000", new CallerNumberChange { Enabled = new(false) }, default));
        await RefusedAsync("update number +8613800138000: no such caller number",
            () => _numbers.SetSkillGroupsAsync("13800138000", [], default));
        await RefusedAsync("remove number +8613800138000: no such caller number",
            () => _numbers.RemoveAsync("13800138000", default));
    }

    [Fact]
    public async Task Skill_groups_are_replaced_as_a_set_or_linked_one_at_a_time()
    {
        var groups = new SkillGroupAdmin(Database.DataSource, "tester");
        foreach (string id in new[] { "sales", "support", "vip" })
        {
            await groups.AddAsync(id, id, "outbound", default);
        }

        await _numbers.AddAsync(new CallerNumberSetup("13800138000") { SkillGroups = ["sales", "support"] }, default);
        await _numbers.SetSkillGroupsAsync("13800138000", ["vip", "support"], default);
        Assert.Equal(["support", "vip"], Assert.Single(await _numbers.ListAsync(default)).SkillGroups);

        await _numbers.LinkSkillGroupAsync("13800138000", "sales", default);
        await _numbers.UnlinkSkillGroupAsync("13800138000", "vip", default);
        Assert.Equal(["sales", "support"], Assert.Single(await _numbers.ListAsync(default)).SkillGroups);

        await RefusedAsync("link number +8613800138000 to skill group sales: the number is already linked to this skill group",
            () => _numbers.LinkSkillGroupAsync("13800138000", "sales", default));
        await RefusedAsync("unlink number +8613800138000 from skill group vip: the number is not linked to this skill group",
            () => _numbers.UnlinkSkillGroupAsync("13800138000", "vip", default));

        await _numbers.SetSkillGroupsAsync("13800138000", [], default);
        Assert.Empty(Assert.Single(await _numbers.ListAsync(default)).SkillGroups);
    }

    [Fact]
    public async Task Removing_a_number_removes_its_links()
    {
        await new SkillGroupAdmin(Database.DataSource, "tester").AddAsync("sales", "Sales", "outbound", default);
        await _numbers.AddAsync(new CallerNumberSetup("13800138000") { SkillGroups = ["sales"] }, default);

        var removed = await _numbers.RemoveAsync("+86 138 0013 8000", default);

        Assert.Equal("+8613800138000", removed.E164);
        Assert.Equal(0, await CountAsync("caller_numbers"));
        Assert.Equal(0, await CountAsync("skill_group_numbers"));
    }

    private Task AddMenuAsync(string name) => Sql.ExecuteAsync(ConnectionString,
        $"insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt) values ('{name}', 'hello', 'invalid', 'timeout')");
}
