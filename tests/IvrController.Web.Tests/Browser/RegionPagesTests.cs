using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The region table page in headless chromium: an imported prefix decides the same-region choice of explain.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class RegionPagesTests(BrowserConsoleRig rig)
{
    [BrowserFact]
    public async Task An_imported_prefix_is_listed_and_is_what_explain_takes_for_the_customers_region()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"ivr-regions-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "prefix,province,city\n1731234,北京,北京\n");
        try
        {
            IPage page = await rig.NewPageAsync();
            await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
            await page.ClickAsync("header nav a[href='/regions']");

            await page.SetInputFilesAsync("#csv", csv);
            await page.ClickAsync("#import-button");
            await page.WaitForSelectorAsync("#outcome.ok");
            await page.FillAsync("#prefix", "173");
            await page.ClickAsync("#find-button");
            await page.WaitForURLAsync("**/regions?Prefix=173");
            await BrowserConsoleRig.ScreenshotAsync(page, "regions");

            Assert.Contains("1731234", await page.InnerTextAsync("#regions"), StringComparison.Ordinal);
            // 北京 is a city and its own province, shown once.
            Assert.Contains("北京 (prefix table)", await rig.Ivrctl.OkAsync("explain", "outbound", "--agent", "1001", "--to", "17312345678"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [BrowserFact]
    public async Task The_language_switch_keeps_the_page_and_its_query()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.GotoAsync("/regions?Prefix=173");

        await page.ClickAsync("header a.language");
        await page.WaitForURLAsync("**/regions?Prefix=173&lang=en");

        Assert.Equal("Region table", await page.InnerTextAsync("h1"));
        Assert.Equal("173", await page.InputValueAsync("#prefix"));
    }
}
