using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>Explain, Live and Reports in headless chromium, as an admin and as a supervisor, at 1280 px and on a phone.</summary>
[Collection(ConsoleViewsCollection.Name)]
public sealed class ConsoleViewsTests(CallHistoryRig rig)
{
    [BrowserFact]
    public async Task Explain_shows_what_the_customer_and_the_agent_would_see_and_where_a_callback_goes()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.ClickAsync("header nav a[href='/explain']");

        await page.SelectOptionAsync("#agent", "1001");
        await page.FillAsync("#customer", ConsoleRig.CustomerNumber);
        await page.ClickAsync("#explain-outbound");
        await page.WaitForSelectorAsync("#outbound-result");
        string customerSees = await page.InnerTextAsync("#customer-sees");
        string agentSees = await page.InnerTextAsync("#agent-sees");
        string typedBack = await page.InputValueAsync("#customer");
        CallHistoryRig.AssertNoFullNumber(await page.ContentAsync(), "explain outbound");
        await BrowserConsoleRig.ScreenshotAsync(page, "explain");

        await page.FillAsync("#caller", ConsoleRig.CustomerNumber);
        await page.SelectOptionAsync("#our-number", "+862152810000");
        await page.CheckAsync("#assume-unavailable");
        await page.ClickAsync("#explain-callback");
        await page.WaitForSelectorAsync("#callback-result");

        Assert.Equal("+862152810000 (上海), 来自 SkillGroup", customerSees);
        Assert.StartsWith("138****8000", agentSees, StringComparison.Ordinal);
        Assert.Equal("", typedBack);
        Assert.Contains("138****8000 → +862152810000", await page.InnerTextAsync("#explained-call"), StringComparison.Ordinal);
        Assert.Contains("1001", await page.InnerTextAsync("#decision"), StringComparison.Ordinal);
        CallHistoryRig.AssertNoFullNumber(await page.ContentAsync(), "explain callback");
    }

    [BrowserFact]
    public async Task Live_refreshes_an_agents_state_without_reloading_the_page()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.GotoAsync("/live");
        string before = await page.InnerTextAsync("tr[data-agent='1001']");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await BrowserConsoleRig.ScreenshotAsync(page, "live");

        await rig.Ivrctl.OkAsync("agents", "update", "1001", "--status", "offline");
        try
        {
            await page.WaitForSelectorAsync("tr[data-agent='1001'] td.state-disabled");
            Assert.Contains("离线（未注册）", before, StringComparison.Ordinal);
            Assert.StartsWith("未连接", await page.InnerTextAsync("#switch-state"), StringComparison.Ordinal);
            Assert.Equal("已连接", await page.InnerTextAsync("#database-state"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
            Assert.False(await page.IsVisibleAsync("#live-stale"));
        }
        finally
        {
            await rig.Ivrctl.OkAsync("agents", "update", "1001", "--status", "active");
        }
    }

    [BrowserFact]
    public async Task Reports_list_every_call_and_a_supervisor_marks_a_low_rating_followed_up()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.ClickAsync("header nav a[href='/reports']");
        await page.WaitForSelectorAsync("#calls");
        var kinds = await page.Locator("#calls tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        var switches = await page.Locator("#calls tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.querySelector('td.switch').textContent)");
        string lastHeader = await page.InnerTextAsync("#calls thead th:last-child");
        CallHistoryRig.AssertNoFullNumber(await page.ContentAsync(), "the calls report");
        await BrowserConsoleRig.ScreenshotAsync(page, "reports-calls");

        await page.ClickAsync("#tab-surveys");
        await page.WaitForSelectorAsync("#score-chart");
        int bars = await page.Locator("#score-chart rect.bar").CountAsync();
        string perAgent = await page.InnerTextAsync("#per-agent");
        CallHistoryRig.AssertNoFullNumber(await page.ContentAsync(), "the surveys report");
        await page.ClickAsync("#surveys button.mark-done");
        await page.WaitForSelectorAsync("#surveys .follow-up-done");
        await BrowserConsoleRig.ScreenshotAsync(page, "reports-surveys");

        Assert.Equal(["ivr", "callback", "outbound"], kinds);
        Assert.Equal("交换机", lastHeader);
        Assert.Equal(["—", "sw2", "—"], switches);
        Assert.Equal(2, bars);
        Assert.Matches(@"1001\s+2\s+3\.00", perAgent);
        Assert.StartsWith("已跟进：watcher", await page.InnerTextAsync("#surveys .follow-up-done"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#surveys button.mark-done").CountAsync());
        Assert.Equal("watcher", await rig.ScalarAsync<string>("select follow_up_done_by from survey_results where score = 1"));
        Assert.Equal(1L, await rig.ScalarAsync<long>("select count(*) from audit_log where who = 'watcher' and action = 'survey follow-up'"));
    }

    [BrowserFact]
    public async Task Missed_callbacks_offer_click_to_call_to_an_admin_only_and_a_phone_reads_them()
    {
        IPage admin = await rig.NewPageAsync(width: 390, height: 844);
        await BrowserConsoleRig.LogInAsync(admin, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await admin.GotoAsync("/reports?view=missed&lang=en");
        await admin.WaitForSelectorAsync("#missed");
        string row = await admin.InnerTextAsync("#missed tbody tr");
        await BrowserConsoleRig.ScreenshotAsync(admin, "reports-missed-phone");
        await admin.ClickAsync("#missed button.call-back");
        await admin.WaitForSelectorAsync("#outcome");
        string outcome = await admin.InnerTextAsync("#outcome");

        IPage supervisor = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(supervisor, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await supervisor.GotoAsync("/reports?view=missed");
        await supervisor.WaitForSelectorAsync("#missed");

        Assert.Contains("138****8000", row, StringComparison.Ordinal);
        Assert.StartsWith("The call did not go through: cannot use the switch's event socket", outcome, StringComparison.Ordinal);
        Assert.Equal(0, await supervisor.Locator("#missed button.call-back").CountAsync());
        CallHistoryRig.AssertNoFullNumber(await admin.ContentAsync(), "the missed callbacks on a phone");
    }
}
