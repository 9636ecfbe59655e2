using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class AgentCommandsTests(PostgresServer postgres)
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public async Task Agents_are_added_listed_updated_and_removed()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_agents");
        await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "销售", "--direction", "outbound");
        await ivrctl.OkAsync("skill-groups", "add", "support", "--name", "Support");

        Assert.Equal($"Added agent 1001 (张三), skill groups: sales.{NL}",
            await ivrctl.OkAsync("agents", "add", "1001", "--name", "张三", "--skill-group", "sales"));
        Assert.Equal($"Added agent agent.li (李四), offline, skill groups: sales, support.{NL}",
            await ivrctl.OkAsync("agents", "add", "agent.li", "--name", "李四", "--status", "offline", "--skill-group", "sales", "--skill-group", "support"));
        Assert.Equal(
            $"ID        NAME  STATUS   SKILL GROUPS{NL}" +
            $"1001      张三  active   sales{NL}" +
            $"agent.li  李四  offline  sales, support{NL}",
            await ivrctl.OkAsync("agents", "list"));

        Assert.Equal($"Updated agent 1001: status offline, skill groups: support.{NL}",
            await ivrctl.OkAsync("agents", "update", "1001", "--status", "offline", "--skill-groups", "support"));
        Assert.Equal($"Updated agent agent.li: name 李四四, skill groups: none.{NL}",
            await ivrctl.OkAsync("agents", "update", "agent.li", "--name", "李四四", "--skill-groups", ""));
        Assert.Equal(
            $"ID        NAME    STATUS   SKILL GROUPS{NL}" +
            $"1001      张三    offline  support{NL}" +
            $"agent.li  李四四  offline  none{NL}",
            await ivrctl.OkAsync("agents", "list"));

        Assert.Equal($"Removed agent 1001.{NL}", await ivrctl.OkAsync("agents", "remove", "1001"));
        Assert.DoesNotContain("1001", await ivrctl.OkAsync("agents", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_edits_are_one_line_on_stderr_and_exit_code_1()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_agents_refused");
        await ivrctl.OkAsync("agents", "add", "1001", "--name", "张三");

        Assert.Equal("ivrctl: add agent 1001: an agent with this id already exists",
            await ivrctl.RefusedAsync("agents", "add", "1001", "--name", "王五"));
        Assert.Equal("ivrctl: add agent 'agent 7': an agent id is the SIP user: 1-64 of letters, digits, '_', '.', '-'",
            await ivrctl.RefusedAsync("agents", "add", "agent 7", "--name", "王五"));
        Assert.Equal("ivrctl: add agent 1002: no such skill group: sales",
            await ivrctl.RefusedAsync("agents", "add", "1002", "--name", "王五", "--skill-group", "sales"));
        Assert.Equal("ivrctl: add agent 1002: agent status must be active or offline",
            await ivrctl.RefusedAsync("agents", "add", "1002", "--name", "王五", "--status", "away"));
        Assert.Equal("ivrctl: update agent 1009: no such agent",
            await ivrctl.RefusedAsync("agents", "update", "1009", "--name", "x"));
        Assert.Equal("ivrctl: update agent 1001: nothing to change; give --name, --status or --skill-groups",
            await ivrctl.RefusedAsync("agents", "update", "1001"));
        Assert.Equal("ivrctl: remove agent 1009: no such agent",
            await ivrctl.RefusedAsync("agents", "remove", "1009"));
    }

    [Fact]
    public async Task An_add_without_a_name_is_a_usage_error()
    {
        var result = await new Ivrctl(null).RunAsync("agents", "add", "1001");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_says_so()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_agents_empty");
        Assert.Equal($"No agents.{NL}", await ivrctl.OkAsync("agents", "list"));
    }
}
