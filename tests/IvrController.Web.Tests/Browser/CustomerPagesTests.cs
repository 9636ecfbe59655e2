using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The customer-ID page in headless chromium: a CSV with bad lines is refused line by line, a good one imported and shown masked.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class CustomerPagesTests(BrowserConsoleRig rig)
{
    [BrowserFact]
    public async Task A_csv_with_bad_lines_lists_each_and_imports_nothing_then_a_good_one_is_imported_and_shown_masked()
    {
        string bad = Path.Combine(Path.GetTempPath(), $"ivr-customers-bad-{Guid.NewGuid():N}.csv");
        string good = Path.Combine(Path.GetTempPath(), $"ivr-customers-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "customer_id,number\nC20001,13900000001\nC20002,12345\nC20003,13900000003,extra\n");
        await File.WriteAllTextAsync(good, "customer_id,number\nC20001,13900000001\nC20002,13900000002\n");
        try
        {
            IPage page = await rig.NewPageAsync();
            await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
            await page.ClickAsync("header nav a[href='/customers']");

            await page.SetInputFilesAsync("#csv", bad);
            await page.ClickAsync("#import-button");
            await page.WaitForSelectorAsync("#line-errors");
            string[] errors = [.. (await page.Locator("#line-errors li").AllInnerTextsAsync())];
            long afterBad = await rig.ScalarAsync<long>("select count(*) from customer_ids where customer_id like 'C2%'");
            await BrowserConsoleRig.ScreenshotAsync(page, "customers-refused");
            await page.SetInputFilesAsync("#csv", good);
            await page.ClickAsync("#import-button");
            await page.WaitForSelectorAsync("#outcome.ok");
            await BrowserConsoleRig.ScreenshotAsync(page, "customers");
            string html = await page.ContentAsync();

            Assert.Equal(2, errors.Length);
            Assert.StartsWith("line 3: ", errors[0], StringComparison.Ordinal);
            Assert.StartsWith("line 4: ", errors[1], StringComparison.Ordinal);
            Assert.Equal(0L, afterBad);
            Assert.Contains("已导入 2 条（新增 2，修改 0，删除 0）", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
            Assert.Contains("139****0001", html, StringComparison.Ordinal);
            Assert.DoesNotContain("13900000001", html, StringComparison.Ordinal);
            Assert.Equal(2L, await rig.ScalarAsync<long>("select count(*) from customer_ids where customer_id like 'C2%'"));
        }
        finally
        {
            File.Delete(bad);
            File.Delete(good);
        }
    }
}
