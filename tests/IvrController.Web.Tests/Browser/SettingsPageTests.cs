using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The settings page in headless chromium, on a real controller and PostgreSQL.</summary>
public sealed class SettingsPageTests(BrowserConsoleRig rig) : IClassFixture<BrowserConsoleRig>
{
    // A Beijing landline: the same-region rule gives it our Beijing number; the skill-group rule, the sales number in Shanghai.
    private const string BeijingCustomer = "010-8765-4321";

    [BrowserFact]
    public async Task A_browser_without_a_session_lands_on_the_login_page_and_returns_to_its_page_after_logging_in()
    {
        IPage page = await rig.NewPageAsync();

        await page.GotoAsync("/audit");
        Assert.Contains("/login?ReturnUrl=%2Faudit", page.Url, StringComparison.Ordinal);
        await BrowserConsoleRig.ScreenshotAsync(page, "login");
        await page.FillAsync("#Name", ConsoleRig.Supervisor);
        await page.FillAsync("#Password", ConsoleRig.SupervisorPassword);
        await page.ClickAsync(".login button[type=submit]");
        await page.WaitForURLAsync("**/audit");

        Assert.Equal("审计日志", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task An_admin_switches_the_caller_id_rule_to_same_region_and_explain_obeys_it()
    {
        string before = await rig.Ivrctl.OkAsync("explain", "outbound", "--agent", "1001", "--to", BeijingCustomer);
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);

        await page.CheckAsync("#caller-id-rule-same_region");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");

        long version = await rig.ScalarAsync<long>("select version from rules_version");
        string after = await rig.Ivrctl.OkAsync("explain", "outbound", "--agent", "1001", "--to", BeijingCustomer);
        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        Assert.Contains("caller-id-rule", await page.InnerTextAsync("#changes"), StringComparison.Ordinal);
        Assert.Contains("skill_group → same_region", await page.InnerTextAsync("#changes"), StringComparison.Ordinal);
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#rules-version"));
        Assert.True(await page.IsCheckedAsync("#caller-id-rule-same_region"));
        Assert.Contains("Customer sees:  +862152810000", before, StringComparison.Ordinal);
        Assert.Contains("Customer sees:  +861062345678", after, StringComparison.Ordinal);
        await BrowserConsoleRig.ScreenshotAsync(page, "settings-saved");

        await page.ClickAsync("header nav a[href='/audit']");
        await page.WaitForURLAsync("**/audit");
        string audit = await page.InnerTextAsync("#audit");
        Assert.Contains(ConsoleRig.Admin, audit, StringComparison.Ordinal);
        Assert.Contains("caller-id-rule skill_group → same_region", audit, StringComparison.Ordinal);
        await BrowserConsoleRig.ScreenshotAsync(page, "audit");
    }

    [BrowserFact]
    public async Task A_bad_value_gets_its_message_next_to_its_field_and_nothing_is_saved()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);

        await page.FillAsync("#callback-ring-timeout", "500");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-callback-ring-timeout");
        string ringError = await page.InnerTextAsync("#callback .field:has(#callback-ring-timeout) .error");
        await BrowserConsoleRig.ScreenshotAsync(page, "settings-refused");
        await page.FillAsync("#callback-ring-timeout", "20");
        await page.FillAsync("#callback-window", "three days");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-callback-window");

        // The admin layer's sentence, as ivrctl prints it, under the field it is about.
        Assert.Equal("callback ring timeout must be 1 to 120 s", ringError);
        Assert.Equal("请输入整数。", await page.InnerTextAsync("#callback .field:has(#callback-window) .error"));
        Assert.Equal(20, (int)(await rig.ScalarAsync<TimeSpan>("select callback_ring_timeout from settings")).TotalSeconds);
        Assert.Equal(72, (int)(await rig.ScalarAsync<TimeSpan>("select callback_window from settings")).TotalHours);
    }

    [BrowserFact]
    public async Task An_admin_chooses_another_survey_template_for_outbound_calls()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);

        await page.SelectOptionAsync("#outbound-survey", new SelectOptionValue { Label = "外呼简短" });
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#changes");

        Assert.Contains("外呼满意度 → 外呼简短", await page.InnerTextAsync("#changes"), StringComparison.Ordinal);
        Assert.Matches(@"outbound-survey\s+外呼简短", await rig.Ivrctl.OkAsync("settings", "show"));
    }

    [BrowserFact]
    public async Task A_supervisor_sees_the_settings_but_cannot_save()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);

        Assert.True(await page.IsVisibleAsync("#read-only"));
        Assert.True(await page.IsDisabledAsync("#save"));
        Assert.True(await page.IsDisabledAsync("#caller-id-rule-same_region"));
    }

    [BrowserFact]
    public async Task The_console_speaks_chinese_until_english_is_chosen_and_remembers_the_choice()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        string chinese = await page.InnerTextAsync("h1");

        await page.ClickAsync("header a.language");
        await page.WaitForURLAsync("**lang=en");
        await page.GotoAsync("/settings");

        Assert.Equal("电话客服设置", chinese);
        Assert.Equal("Call centre settings", await page.InnerTextAsync("h1"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await BrowserConsoleRig.ScreenshotAsync(page, "settings-en");
    }

    [BrowserFact]
    public async Task The_settings_page_fits_a_phone_and_a_1280_pixel_screen()
    {
        foreach ((int width, string name) in new[] { (390, "settings-phone"), (1280, "settings") })
        {
            IPage page = await rig.NewPageAsync(width, 844);
            await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);

            int scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            string widest = await page.EvaluateAsync<string>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')");
            await BrowserConsoleRig.ScreenshotAsync(page, name);

            Assert.True(scrollWidth <= width, $"at {width} px the page is {scrollWidth} px wide: {widest}");
        }
    }

    [BrowserFact]
    public async Task No_page_holds_a_full_customer_number()
    {
        IPage page = await rig.NewPageAsync();
        var seen = new List<string>();
        await page.GotoAsync("/login");
        seen.Add(await page.ContentAsync());
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        foreach (string address in new[]
                 {
                     "/settings", "/numbers", "/agents", "/skill-groups", "/templates", "/customers", "/audit",
                     "/settings?lang=en", "/customers", "/audit", "/metrics", "/readyz",
                 })
        {
            await page.GotoAsync(address);
            seen.Add(await page.ContentAsync());
        }

        Assert.All(seen, html => Assert.DoesNotContain(ConsoleRig.CustomerNumber, html, StringComparison.Ordinal));
        Assert.Contains(seen, html => html.Contains("C10086", StringComparison.Ordinal) && html.Contains("138****8000", StringComparison.Ordinal));
        Assert.Equal(1L, await rig.ScalarAsync<long>($"select count(*) from outbound_calls where customer_number = '+86{ConsoleRig.CustomerNumber}'"));
    }
}
