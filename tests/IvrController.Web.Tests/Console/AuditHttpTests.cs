using System.Net;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>The audit page lists changes made with ivrctl beside the console's own, each with who made it and what changed.</summary>
public sealed class AuditHttpTests(ConsoleRig rig) : IClassFixture<ConsoleRig>
{
    [Fact]
    public async Task A_change_made_with_ivrctl_is_on_the_audit_page_with_the_os_user_and_what_changed()
    {
        await rig.Ivrctl.OkAsync("agents", "add", "7001", "--name", "审计");
        await rig.Ivrctl.OkAsync("agents", "update", "7001", "--status", "offline");
        using HttpClient client = await rig.SupervisorClientAsync();

        using HttpResponseMessage response = await client.GetAsync("/audit?lang=en");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<td>ivrctl:{Environment.UserName}</td><td>agent</td><td>7001: status active → offline</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>ivrctl:{Environment.UserName}</td><td>agent</td><td>added 7001: name 审计; status active; skill groups none</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_and_ivrctl_word_the_same_change_the_same_way()
    {
        await rig.Ivrctl.OkAsync("agents", "add", "7002", "--name", "同样");
        await rig.Ivrctl.OkAsync("agents", "update", "7002", "--status", "offline");
        using HttpClient client = await rig.AdminClientAsync();

        using HttpResponseMessage response = await client.SubmitAsync("/agents/edit/7002", "/agents/edit/7002", ("Name", "同样"), ("Status", "active"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"ivrctl:{Environment.UserName} 7002: status active → offline\n{ConsoleRig.Admin} 7002: status offline → active\n",
            await rig.ScalarAsync<string>("select string_agg(who || ' ' || detail || E'\\n', '' order by id) from audit_log where detail like '7002: %'"));
    }
}
