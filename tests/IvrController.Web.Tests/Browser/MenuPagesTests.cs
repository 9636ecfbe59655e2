using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The IVR menu pages in headless chromium: add with a greeting as words, refusals under their fields, a supervisor only reads.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class MenuPagesTests(BrowserConsoleRig rig)
{
    private const string Greeting = "欢迎致电，销售请按1。";

    [BrowserFact]
    public async Task An_admin_adds_a_menu_with_a_spoken_greeting_and_ivrctl_sees_it()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.ClickAsync("header nav a[href='/menus']");
        await page.ClickAsync("#new-menu");

        await page.FillAsync("#name", "sales-line");
        await page.FillAsync("#greeting-text", Greeting);
        await page.FillAsync("#option-digit-0", "1");
        await page.SelectOptionAsync("#option-action-0", "skill_group");
        await page.FillAsync("#option-target-0", "sales");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");
        await BrowserConsoleRig.ScreenshotAsync(page, "menu-edit");

        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        Assert.EndsWith("/menus/edit/sales-line?saved=1", page.Url, StringComparison.Ordinal);
        string shown = await rig.Ivrctl.OkAsync("menus", "show", "sales-line");
        Assert.Contains(Greeting, shown, StringComparison.Ordinal);
        Assert.Contains("1=skill_group:sales", shown, StringComparison.Ordinal);
        string stored = await rig.ScalarAsync<string>("select greeting_prompt from ivr_menus where name = 'sales-line'");
        Assert.StartsWith(rig.PromptsDirectory + "/tts-", stored, StringComparison.Ordinal);
        Assert.Equal($"/prompts/{Path.GetFileName(stored)}", await page.GetAttributeAsync("#greeting-audio", "src"));
        Assert.Equal(Greeting, await page.InputValueAsync("#greeting-text"));

        await page.GotoAsync("/audit");
        Assert.Contains("added sales-line: greeting ", await page.InnerTextAsync("#audit"), StringComparison.Ordinal);
        await page.GotoAsync("/menus");
        Assert.Contains("1 → 技能组 sales", await page.InnerTextAsync("#menus tr:has-text('sales-line')"), StringComparison.Ordinal);
        await BrowserConsoleRig.ScreenshotAsync(page, "menus");
    }

    [BrowserFact]
    public async Task A_key_to_an_agent_who_does_not_exist_is_refused_under_the_keys_and_nothing_changes()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "service", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=skill_group:sales");
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/menus/edit/service");

        await page.FillAsync("#option-digit-1", "2");
        await page.SelectOptionAsync("#option-action-1", "agent");
        await page.FillAsync("#option-target-1", "9999");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-options");

        Assert.Equal("option '2' goes to agent '9999', who does not exist", await page.InnerTextAsync("#error-options"));
        Assert.Contains("未保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        Assert.Equal("9999", await page.InputValueAsync("#option-target-1"));
        Assert.Equal(1L, await rig.ScalarAsync<long>("select count(*) from ivr_options where menu = 'service'"));
    }

    [BrowserFact]
    public async Task A_supervisor_sees_the_menus_but_the_form_cannot_be_saved()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "night", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "0=hangup");
        IPage page = await rig.NewPageAsync(390, 844);
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.GotoAsync("/menus");

        Assert.Equal(0, await page.Locator("#new-menu").CountAsync());
        await page.ClickAsync("#menus tr:has-text('night') a");
        Assert.True(await page.IsVisibleAsync("#read-only"));
        Assert.True(await page.IsDisabledAsync("#save"));
        Assert.True(await page.IsDisabledAsync("#remove"));
        Assert.True(await page.IsDisabledAsync("#greeting-text"));
        int width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
    }
}
