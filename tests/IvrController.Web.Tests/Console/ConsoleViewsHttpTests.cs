using System.Net;
using IvrController.Web.Tests.Browser;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>Explain, Live and Reports over plain HTTP: sessions, roles, CSV, and never a full customer number.</summary>
[Collection(ConsoleViewsCollection.Name)]
public sealed class ConsoleViewsHttpTests(CallHistoryRig rig)
{
    [Theory]
    [InlineData("/explain")]
    [InlineData("/live")]
    [InlineData("/live?handler=state")]
    [InlineData("/reports")]
    [InlineData("/reports?handler=csv&view=calls")]
    public async Task Without_a_session_a_new_page_sends_to_the_login_page(string page)
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calls", "started_utc,kind,agent,customer,our_number,outcome,duration_s,switch", "callback")]
    [InlineData("surveys", "started_utc,template,agent,customer,outcome,key,label,score,low_rating,follow_up_by,follow_up_at_utc", "不满意")]
    [InlineData("missed", "at_utc,agent,customer,dialled", "1001")]
    public async Task Each_report_downloads_as_csv_with_customers_masked(string view, string header, string expected)
    {
        using HttpClient client = await rig.SupervisorClientAsync();

        using HttpResponseMessage response = await client.GetAsync($"/reports?handler=csv&view={view}&days=7");
        string csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"{view}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        string[] lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Contains(lines, line => line.Contains("138****8000", StringComparison.Ordinal) && line.Contains(expected, StringComparison.Ordinal));
        CallHistoryRig.AssertNoFullNumber(csv, $"the {view} CSV");
    }

    [Fact]
    public async Task The_calls_report_lists_outbound_callback_and_ivr_calls_with_their_switch_and_filters_by_kind()
    {
        using HttpClient client = await rig.AdminClientAsync();

        string all = await client.GetStringAsync("/reports?handler=csv&view=calls&days=7");
        string ivr = await client.GetStringAsync("/reports?handler=csv&view=calls&days=7&kind=ivr");

        string[] rows = all.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(["ivr", "callback", "outbound"], rows.Select(row => row.Split(',')[1]));
        Assert.EndsWith(",1001,138****8000,+862152810000,agent_answered,95,sw2", rows[1], StringComparison.Ordinal);
        // Calls whose switch is not known (from before switches were recorded) leave the field empty.
        Assert.Equal(["", "sw2", ""], rows.Select(row => row.Split(',')[^1]));
        Assert.Equal(2, ivr.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("139****2222", ivr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calls_page_names_the_switch_of_each_call_in_either_language()
    {
        using HttpClient client = await rig.SupervisorClientAsync();

        string zh = await client.GetStringAsync("/reports?view=calls");
        string en = await client.GetStringAsync("/reports?view=calls&lang=en");

        Assert.Contains("<th>交换机</th></tr></thead>", zh, StringComparison.Ordinal);
        Assert.Contains("<th>Switch</th></tr></thead>", en, StringComparison.Ordinal);
        string[] switches = System.Text.RegularExpressions.Regex.Matches(zh, "<td data-label=\"交换机\" class=\"switch\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["—", "sw2", "—"], switches);
        Assert.Matches("<tr data-kind=\"callback\">(?:(?!</tr>).)*class=\"switch\">sw2</td>", zh.ReplaceLineEndings(""));
    }

    [Fact]
    public async Task A_bad_number_of_days_is_refused_with_a_sentence()
    {
        using HttpClient client = await rig.AdminClientAsync();

        using HttpResponseMessage csv = await client.GetAsync("/reports?handler=csv&view=calls&days=0");
        string page = await client.GetStringAsync("/reports?view=calls&days=400");

        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("天数须为 1 到 366。", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"error-days\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_cannot_click_to_call_a_missed_callback()
    {
        using HttpClient client = await rig.SupervisorClientAsync();
        string page = await client.GetStringAsync("/reports?view=missed");
        long missed = await rig.ScalarAsync<long>("select min(id) from missed_callbacks");

        using HttpResponseMessage response = await client.SubmitAsync("/reports?view=missed", $"/reports?handler=callback&missed={missed}");

        Assert.DoesNotContain("call-back", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        CallHistoryRig.AssertNoFullNumber(page, "the missed callbacks page");
    }

    [Fact]
    public async Task An_admins_click_to_call_without_the_switch_says_why_and_shows_no_number()
    {
        using HttpClient client = await rig.AdminClientAsync();
        long missed = await rig.ScalarAsync<long>("select min(id) from missed_callbacks");

        using HttpResponseMessage response = await client.SubmitAsync("/reports?view=missed", $"/reports?handler=callback&missed={missed}");
        string page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("回拨未成功：cannot use the switch&#x27;s event socket at 127.0.0.1:1", page, StringComparison.Ordinal);
        CallHistoryRig.AssertNoFullNumber(page, "the click-to-call answer");
    }

    [Fact]
    public async Task Explain_answers_a_post_without_writing_the_customers_number_back()
    {
        using HttpClient client = await rig.SupervisorClientAsync();
        string token = await client.TokenAsync("/explain");

        using HttpResponseMessage outbound = await client.PostFormAsync(
            "/explain?handler=outbound", ("Agent", "1001"), ("customer", ConsoleRig.CustomerNumber), (ConsoleForms.TokenField, token));
        using HttpResponseMessage callback = await client.PostFormAsync(
            "/explain?handler=callback", ("caller", ConsoleRig.CustomerNumber), ("OurNumber", "+862152810000"), ("AssumeUnavailable", "true"), (ConsoleForms.TokenField, token));
        string outboundPage = WebUtility.HtmlDecode(await outbound.Content.ReadAsStringAsync());
        string callbackPage = WebUtility.HtmlDecode(await callback.Content.ReadAsStringAsync());

        Assert.Contains("138****8000 (dialled as number)", outboundPage, StringComparison.Ordinal);
        Assert.Contains("+862152810000 (上海), 来自 SkillGroup", outboundPage, StringComparison.Ordinal);
        Assert.Contains("138****8000 → +862152810000", callbackPage, StringComparison.Ordinal);
        Assert.Contains("1001", callbackPage, StringComparison.Ordinal);
        CallHistoryRig.AssertNoFullNumber(outboundPage, "explain outbound");
        CallHistoryRig.AssertNoFullNumber(callbackPage, "explain callback");
    }

    [Fact]
    public async Task Explain_refuses_bad_input_under_its_form()
    {
        using HttpClient client = await rig.AdminClientAsync();
        string token = await client.TokenAsync("/explain");

        using HttpResponseMessage unknown = await client.PostFormAsync(
            "/explain?handler=outbound", ("Agent", "4242"), ("customer", ConsoleRig.CustomerNumber), (ConsoleForms.TokenField, token));
        using HttpResponseMessage empty = await client.PostFormAsync(
            "/explain?handler=callback", ("caller", " "), ("OurNumber", "+862152810000"), (ConsoleForms.TokenField, token));

        Assert.Contains("agent &#x27;4242&#x27; is not in the agents table", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"error-callback\">必填。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_customer_id_mode_the_reports_show_the_customer_id()
    {
        using HttpClient client = await rig.SupervisorClientAsync();
        await rig.Ivrctl.OkAsync("settings", "set", "--protection", "customer_id");
        try
        {
            string page = await client.GetStringAsync("/reports?view=calls");
            string csv = await client.GetStringAsync("/reports?handler=csv&view=missed");

            Assert.Contains("C10086", page, StringComparison.Ordinal);
            Assert.Contains("139****2222", page, StringComparison.Ordinal);
            Assert.Contains(",1001,C10086,", csv, StringComparison.Ordinal);
            CallHistoryRig.AssertNoFullNumber(page, "the calls report in customer-ID mode");
        }
        finally
        {
            await rig.Ivrctl.OkAsync("settings", "set", "--protection", "mask");
        }
    }

    [Fact]
    public async Task The_live_state_is_a_fragment_behind_the_session()
    {
        using HttpClient client = await rig.SupervisorClientAsync();

        using HttpResponseMessage response = await client.GetAsync("/live?handler=state");
        string fragment = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains("id=\"switch-state\">未连接", fragment, StringComparison.Ordinal);
        Assert.Contains("id=\"database-state\">已连接", fragment, StringComparison.Ordinal);
        Assert.Contains("data-agent=\"1001\"", fragment, StringComparison.Ordinal);
        Assert.Contains("id=\"no-calls\"", fragment, StringComparison.Ordinal);
    }
}
