using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class SkillGroupCommandsTests(PostgresServer postgres)
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public async Task Skill_groups_are_added_listed_with_counts_updated_and_removed()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_groups");
        Assert.Equal($"Added skill group sales (销售), outbound.{NL}",
            await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "销售", "--direction", "outbound"));
        Assert.Equal($"Added skill group support (Support), both.{NL}",
            await ivrctl.OkAsync("skill-groups", "add", "support", "--name", "Support"));
        await ivrctl.OkAsync("agents", "add", "1001", "--name", "张三", "--skill-group", "sales");
        await ivrctl.OkAsync("numbers", "add", "021-5281-0000", "--skill-group", "sales");

        Assert.Equal(
            $"ID       NAME     DIRECTION  AGENTS  NUMBERS{NL}" +
            $"sales    销售     outbound   1       1{NL}" +
            $"support  Support  both       0       0{NL}",
            await ivrctl.OkAsync("skill-groups", "list"));

        Assert.Equal($"Updated skill group support: name 客服, direction inbound.{NL}",
            await ivrctl.OkAsync("skill-groups", "update", "support", "--name", "客服", "--direction", "inbound"));
        Assert.Equal($"Removed skill group sales.{NL}", await ivrctl.OkAsync("skill-groups", "remove", "sales"));
        Assert.Equal(
            $"ID       NAME  DIRECTION  AGENTS  NUMBERS{NL}" +
            $"support  客服  inbound    0       0{NL}",
            await ivrctl.OkAsync("skill-groups", "list"));
    }

    [Fact]
    public async Task Refused_edits_say_the_rule_in_one_line()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_groups_refused");
        await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "Sales");

        Assert.Equal("ivrctl: add skill group sales2: another skill group already has this name",
            await ivrctl.RefusedAsync("skill-groups", "add", "sales2", "--name", "Sales"));
        Assert.Equal("ivrctl: add skill group vip: skill group direction must be inbound, outbound or both",
            await ivrctl.RefusedAsync("skill-groups", "add", "vip", "--name", "VIP", "--direction", "up"));
        Assert.Equal("ivrctl: update skill group vip: no such skill group",
            await ivrctl.RefusedAsync("skill-groups", "update", "vip", "--name", "VIP"));
        Assert.Equal("ivrctl: remove skill group vip: no such skill group",
            await ivrctl.RefusedAsync("skill-groups", "remove", "vip"));
    }
}
