using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class SkillGroupAdminTests(MigratedDatabase database) : AdminTestBase(database), IClassFixture<MigratedDatabase>
{
    private readonly SkillGroupAdmin _groups = new(database.DataSource, "tester");

    [Fact]
    public async Task Skill_groups_are_listed_with_how_many_agents_and_numbers_they_have()
    {
        await _groups.AddAsync("sales", "销售", "outbound", default);
        await _groups.AddAsync("support", "Support", "both", default);
        await new AgentAdmin(Database.DataSource, "tester").AddAsync("1001", "张三", "active", ["sales", "support"], default);
        await new AgentAdmin(Database.DataSource, "tester").AddAsync("1002", "李四", "active", ["sales"], default);
        await new CallerNumberAdmin(Database.DataSource, "tester").AddAsync(new CallerNumberSetup("02152810000") { SkillGroups = ["sales"] }, default);

        Assert.Equal(
            [new SkillGroupListing("sales", "销售", "outbound", 2, 1), new SkillGroupListing("support", "Support", "both", 1, 0)],
            await _groups.ListAsync(default));
    }

    [Fact]
    public async Task Two_groups_with_one_name_and_an_unknown_direction_are_refused()
    {
        await _groups.AddAsync("sales", "Sales", "outbound", default);

        await RefusedAsync("add skill group sales2: another skill group already has this name",
            () => _groups.AddAsync("sales2", "Sales", "outbound", default));
        await RefusedAsync("add skill group vip: skill group direction must be inbound, outbound or both",
            () => _groups.AddAsync("vip", "VIP", "sideways", default));
        await RefusedAsync("add skill group 'v i p': a skill group id is 1-64 of letters, digits, '_', '.', '-'",
            () => _groups.AddAsync("v i p", "VIP", "both", default));
    }

    [Fact]
    public async Task An_update_changes_only_what_it_sets_and_a_missing_group_is_named()
    {
        await _groups.AddAsync("sales", "Sales", "outbound", default);

        await _groups.UpdateAsync("sales", new SkillGroupChange { Direction = new("both") }, default);
        Assert.Equal(new SkillGroupListing("sales", "Sales", "both", 0, 0), Assert.Single(await _groups.ListAsync(default)));
        await _groups.UpdateAsync("sales", new SkillGroupChange { Name = new("销售") }, default);
        Assert.Equal(new SkillGroupListing("sales", "销售", "both", 0, 0), Assert.Single(await _groups.ListAsync(default)));

        await RefusedAsync("update skill group vip: no such skill group",
            () => _groups.UpdateAsync("vip", new SkillGroupChange { Name = new("VIP") }, default));
    }

    [Fact]
    public async Task Removing_a_group_keeps_its_agents_without_it()
    {
        await _groups.AddAsync("sales", "Sales", "outbound", default);
        var agents = new AgentAdmin(Database.DataSource, "tester");
        await agents.AddAsync("1001", "张三", "active", ["sales"], default);

        await _groups.RemoveAsync("sales", default);

        Assert.Empty(Assert.Single(await agents.ListAsync(default)).SkillGroups);
        await RefusedAsync("remove skill group sales: no such skill group", () => _groups.RemoveAsync("sales", default));
    }
}
