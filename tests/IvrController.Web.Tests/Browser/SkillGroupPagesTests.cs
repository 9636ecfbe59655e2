using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The skill-group pages in headless chromium: add one (after a taken name is refused under the name), rename one.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class SkillGroupPagesTests(BrowserConsoleRig rig)
{
    [BrowserFact]
    public async Task A_skill_group_with_a_taken_name_is_refused_under_the_name_then_added_and_an_agent_can_join_it()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.ClickAsync("header nav a[href='/skill-groups']");
        await page.ClickAsync("#new-skill-group");

        await page.FillAsync("#id", "service");
        await page.FillAsync("#name", "销售");
        await page.CheckAsync("#direction-inbound");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-name");
        string refusal = await page.InnerTextAsync("#error-name");
        await BrowserConsoleRig.ScreenshotAsync(page, "skill-group-refused");
        await page.FillAsync("#name", "客服");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/skill-groups/edit/service?saved=1");
        await page.GotoAsync("/skill-groups");
        await BrowserConsoleRig.ScreenshotAsync(page, "skill-groups");
        await page.GotoAsync("/agents/edit/1001");

        Assert.Equal("another skill group already has this name", refusal);
        Assert.True(await page.IsVisibleAsync("#group-service"));
        Assert.Matches(@"service\s+客服\s+inbound", await rig.Ivrctl.OkAsync("skill-groups", "list"));
    }
}
