using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>Our numbers' pages in headless chromium: a disabled number is no longer chosen, a bad cap is refused under its field.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class NumberPagesTests(BrowserConsoleRig rig)
{
    private const string Shanghai = "+862152810000";

    [BrowserFact]
    public async Task A_number_disabled_on_the_page_is_no_longer_what_explain_chooses()
    {
        string before = await rig.Ivrctl.OkAsync("explain", "outbound", "--agent", "1001", "--to", "13900139000");
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.ClickAsync("header nav a[href='/numbers']");
        await BrowserConsoleRig.ScreenshotAsync(page, "numbers");
        await page.ClickAsync($"#numbers tr:has-text('{Shanghai}') a");

        await page.CheckAsync("#enabled-off");
        await page.FillAsync("#max-concurrent", "5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");
        await BrowserConsoleRig.ScreenshotAsync(page, "number-edit");
        string after = await rig.Ivrctl.OkAsync("explain", "outbound", "--agent", "1001", "--to", "13900139000");
        await page.GotoAsync("/audit");
        string audit = await page.InnerTextAsync("#audit");
        await rig.Ivrctl.OkAsync("numbers", "update", Shanghai, "--enabled");

        Assert.Contains($"Customer sees:  {Shanghai}", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"Customer sees:  {Shanghai}", after, StringComparison.Ordinal);
        Assert.Contains($"{Shanghai}: enabled yes → no; max-concurrent none → 5", audit, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_daily_cap_of_zero_gets_the_schema_sentence_under_its_field()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/numbers");
        await page.ClickAsync("#new-number");

        await page.FillAsync("#number", "0755-8600-1234");
        await page.FillAsync("#daily-cap", "0");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-daily-cap");

        Assert.Equal("the daily cap must be at least 1 (or no limit)", await page.InnerTextAsync("#error-daily-cap"));
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from caller_numbers where number = '+8675586001234'"));
    }
}
