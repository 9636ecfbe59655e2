using System.Net;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>The IVR menu pages over HTTP: who may post, refusals under their fields, removal refused as ivrctl refuses it.</summary>
public sealed class MenuPagesHttpTests(ConsoleRig rig) : IClassFixture<ConsoleRig>
{
    [Theory]
    [InlineData("/menus")]
    [InlineData("/menus/edit")]
    public async Task Without_a_session_the_menu_pages_send_to_the_login_page(string page)
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_a_menu_post_is_not_taken()
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.PostFormAsync("/menus/edit", Form("", ("Name", "anonymous")));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from ivr_menus where name = 'anonymous'"));
    }

    [Fact]
    public async Task An_admin_changes_the_retries_and_the_audit_log_says_from_what_to_what()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "audited", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=skill_group:sales");
        using HttpClient client = await rig.AdminClientAsync();
        string token = await client.TokenAsync("/menus/edit/audited");

        using HttpResponseMessage response = await client.PostFormAsync(
            "/menus/edit/audited", Form(token, ("MaxRetries", "3"), ("OptionDigits[1]", "9"), ("OptionActions[1]", "repeat")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已保存", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^retries +3$", await rig.Ivrctl.OkAsync("menus", "show", "audited"));
        Assert.Equal(
            "audited: max-retries 2 → 3; options 1=skill_group:sales → 1=skill_group:sales,9=repeat",
            await rig.ScalarAsync<string>("select detail from audit_log where who = 'boss' and action = 'ivr menu' and detail like 'audited:%' order by id desc limit 1"));
    }

    [Fact]
    public async Task An_admin_disables_a_menu_the_list_says_so_and_ivrctl_and_the_audit_log_see_it()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "switched", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=skill_group:sales");
        using HttpClient client = await rig.AdminClientAsync();
        string token = await client.TokenAsync("/menus/edit/switched");

        using HttpResponseMessage response = await client.PostFormAsync("/menus/edit/switched", Form(token, ("Enabled", "off")));
        string list = await client.GetStringAsync("/menus");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"enabled-off\" name=\"Enabled\" value=\"off\" checked=\"checked\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches(@"<td[^>]*>switched</td>\s*<td[^>]*class=""menu-status"">停用</td>", list);
        Assert.Matches(@"(?m)^enabled +no$", await rig.Ivrctl.OkAsync("menus", "show", "switched"));
        Assert.Equal(
            "switched: enabled yes → no",
            await rig.ScalarAsync<string>("select detail from audit_log where who = 'boss' and action = 'ivr menu' and detail like 'switched:%' order by id desc limit 1"));
    }

    [Fact]
    public async Task A_supervisor_can_read_a_menu_but_neither_save_nor_remove_it()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "watched", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=skill_group:sales");
        using HttpClient client = await rig.SupervisorClientAsync();
        string token = await client.TokenAsync("/menus/edit/watched");

        using HttpResponseMessage added = await client.PostFormAsync("/menus/edit", Form(token, ("Name", "sneaky")));
        using HttpResponseMessage saved = await client.PostFormAsync("/menus/edit/watched", Form(token, ("MaxRetries", "4")));
        using HttpResponseMessage removed = await client.PostFormAsync("/menus/edit/watched?handler=Remove", (ConsoleForms.TokenField, token));

        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removed.StatusCode);
        Assert.Contains("主管账号只读", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from ivr_menus where name = 'sneaky'"));
        Assert.Equal(2, await rig.ScalarAsync<int>("select max_retries from ivr_menus where name = 'watched'"));
        Assert.Contains("watched", await client.GetStringAsync("/menus"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_outside_the_rules_is_refused_under_the_wait_field_and_nothing_is_stored()
    {
        using HttpClient client = await rig.AdminClientAsync();
        string token = await client.TokenAsync("/menus/edit");

        using HttpResponseMessage response = await client.PostFormAsync("/menus/edit", Form(token, ("Name", "too-slow"), ("TimeoutSeconds", "90")));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("""<p class="error" id="error-timeout">timeout 90 s is outside 1–60 s</p>""", html, StringComparison.Ordinal);
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from ivr_menus where name = 'too-slow'"));
    }

    [Fact]
    public async Task A_menu_another_menu_goes_to_is_not_removed_and_the_page_says_what_ivrctl_says()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "billing", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout");
        await rig.Ivrctl.OkAsync("menus", "add", "front", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "2=submenu:billing");
        var (exitCode, _, ivrctlSays) = await rig.Ivrctl.RunAsync(null, "menus", "remove", "billing");
        using HttpClient client = await rig.AdminClientAsync();

        using HttpResponseMessage response = await client.SubmitAsync("/menus/edit/billing", "/menus/edit/billing?handler=Remove");
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.NotEqual(0, exitCode);
        const string Reason = "menu 'front': option '2' goes to menu 'billing', which does not exist";
        Assert.Contains(Reason, ivrctlSays, StringComparison.Ordinal);
        Assert.Contains("未删除", html, StringComparison.Ordinal);
        Assert.Contains(Reason, html, StringComparison.Ordinal);
        Assert.Equal(1L, await rig.ScalarAsync<long>("select count(*) from ivr_menus where name = 'billing'"));
    }

    [Fact]
    public async Task Removing_a_menu_leaves_its_numbers_without_one_says_so_and_is_audited()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "old-menu", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout");
        await rig.Ivrctl.OkAsync("numbers", "update", "010-6234-5678", "--menu", "old-menu");
        using HttpClient client = await rig.AdminClientAsync();
        Assert.Contains("+861062345678", WebUtility.HtmlDecode(await client.GetStringAsync("/menus/edit/old-menu")), StringComparison.Ordinal);

        using HttpResponseMessage response = await client.SubmitAsync("/menus/edit/old-menu", "/menus/edit/old-menu?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string list = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));

        Assert.Contains("已删除菜单 old-menu。", list, StringComparison.Ordinal);
        Assert.Contains("这些号码现在没有菜单：+861062345678", list, StringComparison.Ordinal);
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from ivr_menus where name = 'old-menu'"));
        Assert.True(await rig.ScalarAsync<bool>("select ivr_menu is null from caller_numbers where number = '+861062345678'"));
        Assert.Equal(
            "removed old-menu; numbers left without a menu: +861062345678",
            await rig.ScalarAsync<string>("select detail from audit_log where who = 'boss' and action = 'ivr menu' order by id desc limit 1"));
    }

    [Fact]
    public async Task The_menu_pages_show_no_full_customer_number()
    {
        await rig.Ivrctl.OkAsync("menus", "add", "shown", "--greeting", "ivr_welcome", "--invalid", "ivr_invalid", "--timeout-prompt", "ivr_timeout", "--option", "1=agent:1001");
        using HttpClient client = await rig.AdminClientAsync();

        string list = await client.GetStringAsync("/menus");
        string edit = await client.GetStringAsync("/menus/edit/shown");

        Assert.Contains("shown", list, StringComparison.Ordinal);
        Assert.Contains("1 → 坐席 1001", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.All(new[] { list, edit }, html => Assert.DoesNotContain(ConsoleRig.CustomerNumber, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_menu_pages_are_in_chinese_unless_english_is_asked_for()
    {
        using HttpClient client = await rig.AdminClientAsync();

        string chinese = await client.GetStringAsync("/menus/edit");
        string english = await client.GetStringAsync("/menus/edit?lang=en");

        Assert.Contains("<h1>新增菜单</h1>", chinese, StringComparison.Ordinal);
        Assert.Contains("<h1>New menu</h1>", english, StringComparison.Ordinal);
        Assert.Contains("repeat this menu", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/menus\">IVR menus</a>", english, StringComparison.Ordinal);
    }

    /// <summary>A whole menu form (what the browser posts), with <paramref name="changes"/> over sound values.</summary>
    private static (string Name, string Value)[] Form(string token, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GreetingPrompt"] = "ivr_welcome",
            ["InvalidPrompt"] = "ivr_invalid",
            ["TimeoutPrompt"] = "ivr_timeout",
            ["TimeoutSeconds"] = "5",
            ["MaxRetries"] = "2",
            ["DefaultAction"] = "hangup",
            ["Enabled"] = "on",
            ["OptionDigits[0]"] = "1",
            ["OptionActions[0]"] = "skill_group",
            ["OptionTargets[0]"] = "sales",
            [ConsoleForms.TokenField] = token,
        };
        foreach ((string name, string value) in changes)
        {
            fields[name] = value;
        }

        return [.. fields.Select(f => (f.Key, f.Value))];
    }
}
