using IvrController.Store.Repositories;
using IvrController.Store.Rows;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class CallCentreSetupTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_call_centre_is_set_up_from_an_empty_database_with_ivrctl_alone_and_the_controller_reads_it()
    {
        string database = await postgres.CreateDatabaseAsync("cli_setup");
        var ivrctl = new Ivrctl(database);
        using var regions = new TempFile("prefix,province,city\n021,上海,上海\n1380013,广东,深圳\n");
        using var customers = new TempFile("customer_id,number\nVIP-001,13800138123\n");

        await ivrctl.OkAsync("db", "migrate");
        await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "销售", "--direction", "outbound");
        await ivrctl.OkAsync("skill-groups", "add", "support", "--name", "客服", "--direction", "inbound");
        await ivrctl.OkAsync("agents", "add", "1001", "--name", "张三", "--skill-group", "sales");
        await ivrctl.OkAsync("agents", "add", "1002", "--name", "李四", "--skill-group", "sales", "--skill-group", "support");
        await ivrctl.OkAsync("numbers", "add", "021-5281-0000", "--skill-group", "sales", "--max-concurrent", "10");
        await ivrctl.OkAsync("numbers", "add", "0755-8888-1234", "--province", "广东", "--city", "深圳", "--daily-cap", "300");
        await ivrctl.OkAsync("regions", "import", regions.Path);
        await ivrctl.OkAsync("customers", "import", customers.Path);

        await using var dataSource = NpgsqlDataSource.Create(database);
        RuleRows rows = await new RuleRowsReader(dataSource).LoadAsync(CancellationToken.None);

        Assert.Equal(["1001", "1002"], rows.Agents.Select(a => a.Id));
        Assert.Equal(["sales", "support"], rows.SkillGroups.Select(g => g.Id));
        Assert.Equal(
            [new AgentSkillGroupRow("1001", "sales"), new AgentSkillGroupRow("1002", "sales"), new AgentSkillGroupRow("1002", "support")],
            rows.AgentSkillGroups);
        Assert.Equal(["+862152810000", "+8675588881234"], rows.CallerNumbers.Select(n => n.Number));
        Assert.Equal([new SkillGroupNumberRow("sales", "+862152810000")], rows.SkillGroupNumbers);
        Assert.Equal(["021", "1380013"], rows.NumberRegions.Select(r => r.Prefix));
        Assert.Equal([new CustomerIdRow("VIP-001", "+8613800138123")], rows.CustomerIds);
    }
}
