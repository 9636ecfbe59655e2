using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The agent pages in headless chromium: list, add, edit, take offline, and refusals under their fields.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class AgentPagesTests(BrowserConsoleRig rig)
{
    [BrowserFact]
    public async Task An_admin_takes_an_agent_offline_and_ivrctl_sees_it()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.ClickAsync("header nav a[href='/agents']");
        await page.ClickAsync("#agents tr:has-text('1001') a");

        await page.CheckAsync("#status-offline");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");
        await BrowserConsoleRig.ScreenshotAsync(page, "agent-edit");

        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        Assert.Matches(@"1001\s+张三\s+offline", await rig.Ivrctl.OkAsync("agents", "list"));
        await page.GotoAsync("/audit");
        Assert.Contains("1001: status active → offline", await page.InnerTextAsync("#audit"), StringComparison.Ordinal);
        await rig.Ivrctl.OkAsync("agents", "update", "1001", "--status", "active");
    }

    [BrowserFact]
    public async Task A_new_agent_with_a_bad_id_is_refused_under_the_id_then_added_in_its_skill_group()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/agents");
        await page.ClickAsync("#new-agent");

        await page.FillAsync("#id", "10 09");
        await page.FillAsync("#name", "赵六");
        await page.CheckAsync("#group-sales");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-id");
        string refusal = await page.InnerTextAsync("#error-id");
        await page.FillAsync("#id", "1009");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/agents/edit/1009?saved=1");
        await page.GotoAsync("/agents");
        await BrowserConsoleRig.ScreenshotAsync(page, "agents");

        Assert.StartsWith("an agent id is the SIP user", refusal, StringComparison.Ordinal);
        Assert.Matches(@"1009\s+赵六\s+active\s+sales", await rig.Ivrctl.OkAsync("agents", "list"));
    }
}
