using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class AgentAdminTests(MigratedDatabase database) : AdminTestBase(database), IClassFixture<MigratedDatabase>
{
    private readonly AgentAdmin _agents = new(database.DataSource, "tester");
    private readonly SkillGroupAdmin _groups = new(database.DataSource, "tester");

    [Fact]
    public async Task An_added_agent_is_listed_with_its_skill_groups()
    {
        await AddGroupsAsync("sales", "support");
        await _agents.AddAsync("1001", "张三", "active", ["support", "sales"], default);
        await _agents.AddAsync("1002", "李四", "offline", [], default);

        Assert.Equal(
            [
                "1001 张三 active [sales,support]",
                "1002 李四 offline []",
            ],
            await ListAsync());
    }

    [Fact]
    public async Task Adding_an_agent_twice_is_refused_with_the_rule_it_breaks()
    {
        await _agents.AddAsync("1001", "张三", "active", [], default);

        var refusal = await RefusedAsync("add agent 1001: an agent with this id already exists",
            () => _agents.AddAsync("1001", "王五", "active", [], default));
        Assert.Equal("agents_pkey", refusal.Constraint);
    }

    [Fact]
    public async Task An_agent_id_with_a_space_is_refused_because_it_is_not_a_sip_user() =>
        await RefusedAsync("add agent 'agent 7': an agent id is the SIP user: 1-64 of letters, digits, '_', '.', '-'",
            () => _agents.AddAsync("agent 7", "张三", "active", [], default));

    [Fact]
    public async Task A_blank_name_and_an_unknown_status_are_refused()
    {
        await RefusedAsync("add agent 1001: an agent needs a name", () => _agents.AddAsync("1001", "  ", "active", [], default));
        await RefusedAsync("add agent 1001: agent status must be active or offline", () => _agents.AddAsync("1001", "张三", "away", [], default));
    }

    [Fact]
    public async Task Unknown_skill_groups_are_named_and_the_agent_is_not_added()
    {
        await AddGroupsAsync("sales");

        await RefusedAsync("add agent 1001: no such skill groups: salse, vip",
            () => _agents.AddAsync("1001", "张三", "active", ["salse", "sales", "vip"], default));
        Assert.Equal(0, await CountAsync("agents"));
    }

    [Fact]
    public async Task An_update_changes_only_what_it_sets()
    {
        await AddGroupsAsync("sales");
        await _agents.AddAsync("1001", "张三", "active", ["sales"], default);

        await _agents.UpdateAsync("1001", new AgentChange { Status = new("offline") }, default);
        Assert.Equal("1001 张三 offline [sales]", Assert.Single(await ListAsync()));

        await _agents.UpdateAsync("1001", new AgentChange { Name = new("张三丰") }, default);
        Assert.Equal("1001 张三丰 offline [sales]", Assert.Single(await ListAsync()));
    }

    [Fact]
    public async Task Replacing_skill_groups_sets_exactly_the_new_set_and_an_empty_set_clears_them()
    {
        await AddGroupsAsync("sales", "support", "vip");
        await _agents.AddAsync("1001", "张三", "active", ["sales", "support"], default);

        await _agents.SetSkillGroupsAsync("1001", ["support", "vip"], default);
        Assert.Equal(["support", "vip"], Assert.Single(await _agents.ListAsync(default)).SkillGroups);

        await _agents.SetSkillGroupsAsync("1001", [], default);
        Assert.Empty(Assert.Single(await _agents.ListAsync(default)).SkillGroups);
    }

    [Fact]
    public async Task A_replacement_with_an_unknown_group_changes_nothing()
    {
        await AddGroupsAsync("sales", "support");
        await _agents.AddAsync("1001", "张三", "active", ["sales"], default);

        await RefusedAsync("update agent 1001: no such skill group: ghost",
            () => _agents.UpdateAsync("1001", new AgentChange { Name = new("李四"), SkillGroups = new(["support", "ghost"]) }, default));
        Assert.Equal("1001 张三 active [sales]", Assert.Single(await ListAsync()));
    }

    [Fact]
    public async Task Updating_or_removing_a_missing_agent_says_there_is_no_such_agent()
    {
        await RefusedAsync("update agent 1009: no such agent", () => _agents.UpdateAsync("1009", new AgentChange { Name = new("x") }, default));
        await RefusedAsync("update agent 1009: no such agent", () => _agents.SetSkillGroupsAsync("1009", [], default));
        await RefusedAsync("remove agent 1009: no such agent", () => _agents.RemoveAsync("1009", default));
    }

    [Fact]
    public async Task Single_skill_groups_are_joined_and_left_and_repeats_are_refused()
    {
        await AddGroupsAsync("sales", "support");
        await _agents.AddAsync("1001", "张三", "active", ["sales"], default);

        await _agents.JoinSkillGroupAsync("1001", "support", default);
        Assert.Equal(["sales", "support"], Assert.Single(await _agents.ListAsync(default)).SkillGroups);
        await RefusedAsync("add agent 1001 to skill group support: the agent is already in this skill group",
            () => _agents.JoinSkillGroupAsync("1001", "support", default));
        await RefusedAsync("add agent 1001 to skill group ghost: no such skill group",
            () => _agents.JoinSkillGroupAsync("1001", "ghost", default));

        await _agents.LeaveSkillGroupAsync("1001", "sales", default);
        Assert.Equal(["support"], Assert.Single(await _agents.ListAsync(default)).SkillGroups);
        await RefusedAsync("remove agent 1001 from skill group sales: the agent is not in this skill group",
            () => _agents.LeaveSkillGroupAsync("1001", "sales", default));
    }

    [Fact]
    public async Task Removing_an_agent_removes_its_memberships_but_not_its_groups()
    {
        await AddGroupsAsync("sales");
        await _agents.AddAsync("1001", "张三", "active", ["sales"], default);

        await _agents.RemoveAsync("1001", default);

        Assert.Empty(await ListAsync());
        Assert.Equal(0, await CountAsync("agent_skill_groups"));
        Assert.Equal(1, await CountAsync("skill_groups"));
    }

    private async Task AddGroupsAsync(params string[] ids)
    {
        foreach (string id in ids)
        {
            await _groups.AddAsync(id, id.ToUpperInvariant(), "both", default);
        }
    }

    /// <summary>Agents as "id name status [groups]": records holding lists do not compare by content.</summary>
    private async Task<List<string>> ListAsync() =>
        [.. (await _agents.ListAsync(default)).Select(a => $"{a.Id} {a.Name} {a.Status} [{string.Join(",", a.SkillGroups)}]")];
}
