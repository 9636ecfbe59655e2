using System.Net;
using IvrController.Web.Security;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>The console over plain HTTP, inside a real controller on a real PostgreSQL: sessions, forms, roles, headers.</summary>
public sealed class ConsoleSecurityTests(ConsoleRig rig) : IClassFixture<ConsoleRig>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/settings")]
    [InlineData("/audit")]
    public async Task Without_a_session_a_page_sends_to_the_login_page(string page)
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_is_served_only_with_a_session_and_only_from_the_prompts_directory()
    {
        Directory.CreateDirectory(rig.PromptsDirectory);
        const string Name = "tts-0123456789abcdef0123456789abcdef.wav";
        await File.WriteAllBytesAsync(Path.Combine(rig.PromptsDirectory, Name), "RIFF\0\0\0\0WAVE"u8.ToArray());
        await File.WriteAllTextAsync(Path.Combine(rig.PromptsDirectory, "secret.txt"), "not a prompt");
        using HttpClient anonymous = rig.NewClient();
        using HttpClient admin = await rig.AdminClientAsync();

        using HttpResponseMessage refused = await anonymous.GetAsync($"/prompts/{Name}");
        using HttpResponseMessage served = await admin.GetAsync($"/prompts/{Name}");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("audio/wav", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("RIFF\0\0\0\0WAVE"u8.ToArray(), await served.Content.ReadAsByteArrayAsync());
        foreach (string path in new[] { "/prompts/secret.txt", "/prompts/..%2F..%2F..%2Fetc%2Fpasswd", "/prompts/%2Fetc%2Fpasswd", "/prompts/tts-ffffffffffffffffffffffffffffffff.wav" })
        {
            using HttpResponseMessage response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_a_session_a_post_is_not_taken()
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.PostFormAsync("/settings", ("CallerIdRule", "same_region"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("skill_group", await rig.ScalarAsync<string>("select caller_id_rule from settings"));
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_is_refused()
    {
        using HttpClient client = await rig.AdminClientAsync();

        using HttpResponseMessage settings = await client.PostFormAsync("/settings", ("CallerIdRule", "same_region"));
        using HttpResponseMessage login = await rig.NewClient().PostFormAsync("/login", ("Name", ConsoleRig.Admin), ("Password", ConsoleRig.AdminPassword));

        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal("skill_group", await rig.ScalarAsync<string>("select caller_id_rule from settings"));
    }

    [Fact]
    public async Task A_supervisor_cannot_save_even_with_a_valid_form()
    {
        using HttpClient client = await rig.SupervisorClientAsync();

        using HttpResponseMessage response = await client.SubmitAsync(
            "/settings", "/settings", ("CallerIdRule", "same_region"), ("CandidatePick", "random"), ("Protection", "mask"), ("Callback", "on"), ("CallbackMode", "2"),
            ("CallbackWindowHours", "72"), ("CallbackRingTimeoutSeconds", "20"), ("OutboundSurvey", "none"), ("InboundSurvey", "none"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("主管账号只读", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("skill_group", await rig.ScalarAsync<string>("select caller_id_rule from settings"));
    }

    [Fact]
    public async Task A_wrong_password_gets_no_session()
    {
        using HttpClient client = rig.NewClient();
        string token = await client.TokenAsync("/login");

        using HttpResponseMessage response = await client.PostFormAsync(
            "/login", ("Name", ConsoleRig.Admin), ("Password", "not-the-password"), (ConsoleForms.TokenField, token));
        using HttpResponseMessage settings = await client.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_made_with_the_old_one()
    {
        using HttpClient client = await rig.AdminClientAsync();
        using (HttpResponseMessage before = await client.GetAsync("/settings"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await rig.Ivrctl.RunAsync(ConsoleRig.AdminPassword + "\n", "admins", "passwd", ConsoleRig.Admin);
        using HttpResponseMessage after = await client.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/settings")]
    public async Task Every_answer_carries_the_security_headers(string page)
    {
        using HttpClient client = rig.NewClient();

        using HttpResponseMessage response = await client.GetAsync(page);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using HttpClient client = rig.NewClient();
        string token = await client.TokenAsync("/login");

        using HttpResponseMessage response = await client.PostFormAsync(
            "/login", ("Name", ConsoleRig.Supervisor), ("Password", ConsoleRig.SupervisorPassword), (ConsoleForms.TokenField, token));

        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ivr_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_checks_and_metrics_answer_without_a_session()
    {
        using HttpClient client = rig.NewClient();
        long version = await rig.ScalarAsync<long>("select version from rules_version");

        using HttpResponseMessage healthz = await client.GetAsync("/healthz");
        using HttpResponseMessage readyz = await client.GetAsync("/readyz");
        using HttpResponseMessage metrics = await client.GetAsync("/metrics");
        string ready = await readyz.Content.ReadAsStringAsync();
        string scraped = await metrics.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "live\n"), (healthz.StatusCode, await healthz.Content.ReadAsStringAsync()));

        // The switch is unreachable in this rig: calls are still taken, so ready, but degraded.
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.StartsWith("status: degraded\n", ready, StringComparison.Ordinal);
        Assert.Contains("database: up\n", ready, StringComparison.Ordinal);
        Assert.Contains("switch: event socket not connected", ready, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", metrics.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("\nivr_esl_connected 0\n", scraped, StringComparison.Ordinal);
        Assert.Contains("\nivr_database_up 1\n", scraped, StringComparison.Ordinal);
        Assert.Contains("\nivr_rules_loaded 1\n", scraped, StringComparison.Ordinal);
        Assert.Matches(@"\nivr_rules_version \d+\n", scraped);
        Assert.True(long.Parse(System.Text.RegularExpressions.Regex.Match(scraped, @"\nivr_rules_version (\d+)\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= version);
        Assert.Contains("ivr_calls_total{flow=\"outbound\",outcome=\"bridged\"} 0\n", scraped, StringComparison.Ordinal);
        Assert.Contains("# TYPE ivr_journal_backlog_bytes gauge\n", scraped, StringComparison.Ordinal);
    }
}
