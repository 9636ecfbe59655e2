using IvrController.Web.Tests.Rig;
using Microsoft.Playwright;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The survey template pages in headless chromium: list, edit, add, and the admin layer's refusals under their fields.</summary>
[Collection(RulePagesCollection.Name)]
public sealed class TemplatePagesTests(BrowserConsoleRig rig)
{
    private const string ShortSurvey = "外呼简短";

    [BrowserFact]
    public async Task An_admin_edits_a_survey_template_and_the_change_is_stored_and_audited()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.ClickAsync("header nav a[href='/templates']");
        await page.ClickAsync($"#templates tr:has-text('{ShortSurvey}') a");

        await page.FillAsync("#retries", "2");
        await page.FillAsync("#key-digit-1", "2");
        await page.FillAsync("#key-label-1", "一般");
        await page.FillAsync("#key-score-1", "3");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#outcome");
        await BrowserConsoleRig.ScreenshotAsync(page, "template-edit");

        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
        Assert.Equal(2, await rig.ScalarAsync<int>($"select retries from survey_templates where name = '{ShortSurvey}'"));
        Assert.Equal(
            "1=满意:5,2=一般:3",
            await rig.ScalarAsync<string>($"select string_agg(digit || '=' || label || ':' || score, ',' order by digit) from survey_keys k join survey_templates t on t.id = k.template_id where t.name = '{ShortSurvey}'"));
        await page.GotoAsync("/audit");
        Assert.Contains($"{ShortSurvey}: retries 1 → 2; keys 1=满意:5 → 1=满意:5,2=一般:3", await page.InnerTextAsync("#audit"), StringComparison.Ordinal);
        await page.GotoAsync("/templates");
        await BrowserConsoleRig.ScreenshotAsync(page, "templates");
    }

    [BrowserFact]
    public async Task The_survey_in_use_cannot_be_disabled_and_the_reason_stands_under_the_status()
    {
        await rig.Ivrctl.OkAsync("settings", "set", "--outbound-survey", "外呼满意度");
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/templates");
        await page.ClickAsync("#templates tr:has-text('外呼满意度') a");

        await page.CheckAsync("#enabled-off");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-enabled");

        Assert.StartsWith("it is the outbound survey in the settings, so it cannot be disabled", await page.InnerTextAsync("#error-enabled"), StringComparison.Ordinal);
        Assert.True(await rig.ScalarAsync<bool>("select enabled from survey_templates where name = '外呼满意度'"));
    }

    [BrowserFact]
    public async Task A_new_template_with_a_bad_key_is_refused_under_the_keys_then_added()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Admin, ConsoleRig.AdminPassword);
        await page.GotoAsync("/templates");
        await page.ClickAsync("#new-template");

        await page.FillAsync("#name", "来电评价");
        await page.CheckAsync("#direction-inbound");
        await page.FillAsync("#key-digit-0", "x");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error-keys");
        string refusal = await page.InnerTextAsync("#error-keys");
        await page.FillAsync("#key-digit-0", "1");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/templates/edit/*?saved=1");

        Assert.Equal("key 'x' is not a phone key (0-9, * or #)", refusal);
        Assert.Equal("inbound", await rig.ScalarAsync<string>("select direction from survey_templates where name = '来电评价'"));
        Assert.Contains("已保存", await page.InnerTextAsync("#outcome"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_supervisor_reads_a_template_but_the_form_is_read_only()
    {
        IPage page = await rig.NewPageAsync();
        await BrowserConsoleRig.LogInAsync(page, ConsoleRig.Supervisor, ConsoleRig.SupervisorPassword);
        await page.GotoAsync("/templates");

        Assert.False(await page.IsVisibleAsync("#new-template"));
        await page.ClickAsync($"#templates tr:has-text('{ShortSurvey}') a");
        Assert.True(await page.IsVisibleAsync("#read-only"));
        Assert.True(await page.IsDisabledAsync("#save"));
    }
}
