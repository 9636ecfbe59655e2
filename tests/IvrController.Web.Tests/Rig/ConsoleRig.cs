using System.Net;
using IvrController.Hosting;
using IvrController.TestSupport;
using IvrController.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit;

namespace IvrController.Web.Tests.Rig;

/// <summary>
/// One controller (ivrctl serve's host, the web console on, a free loopback port) on a fresh database holding a
/// small call centre made with ivrctl, and two console accounts: admin <see cref="Admin"/> and supervisor
/// <see cref="Supervisor"/>. The switch is unreachable (Esl:Port=1), as /readyz then says.
/// </summary>
public class ConsoleRig : IAsyncLifetime
{
    public const string Admin = "boss";
    public const string AdminPassword = "boss-password-1";
    public const string Supervisor = "watcher";
    public const string SupervisorPassword = "watcher-password-1";

    /// <summary>A customer the call log knows: their full number must never reach a page.</summary>
    public const string CustomerNumber = "13800138000";

    private readonly PostgresServer _postgres = new();
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"ivr-web-journal-{Guid.NewGuid():N}");
    private IHost? _host;

    /// <summary>The controller's prompts directory (Prompts:Directory; the switch's view is the same path).</summary>
    public string PromptsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ivr-web-prompts-{Guid.NewGuid():N}");

    public string Database { get; private set; } = "";

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public Ivrctl Ivrctl { get; private set; } = new("");

    /// <summary>The controller's services (its call dispatcher, to feed /metrics without a switch).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The rig is not started.");

    /// <summary>The connection string the controller is given: the database itself, or a road to it a rig can cut.</summary>
    protected virtual string ControllerDatabase(string database) => database;

    /// <summary>Extra controller settings of a rig (--Web:LoginAttemptsPerMinute=3).</summary>
    protected virtual IEnumerable<string> Settings => [];

    public virtual async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Database = await _postgres.CreateDatabaseAsync("web_console");
        Ivrctl = new Ivrctl(Database);
        await Ivrctl.OkAsync("db", "migrate");
        await Ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "销售", "--direction", "outbound");
        await Ivrctl.OkAsync("agents", "add", "1001", "--name", "张三", "--skill-group", "sales");
        await Ivrctl.OkAsync("numbers", "add", "021-5281-0000", "--province", "上海", "--city", "上海", "--skill-group", "sales");
        await Ivrctl.OkAsync("numbers", "add", "010-6234-5678", "--province", "北京", "--city", "北京");
        await Ivrctl.OkAsync(
            "templates", "add", "外呼满意度", "--direction", "outbound", "--guide", "survey_guide_outbound", "--closing", "survey_closing",
            "--invalid", "survey_invalid", "--timeout-prompt", "survey_timeout", "--key", "1=满意:5", "--key", "2=不满意:1");
        await Ivrctl.OkAsync(
            "templates", "add", "外呼简短", "--direction", "outbound", "--guide", "survey_guide_outbound", "--closing", "survey_closing",
            "--invalid", "survey_invalid", "--timeout-prompt", "survey_timeout", "--key", "1=满意:5");
        await Ivrctl.OkAsync("settings", "set", "--outbound-survey", "外呼满意度");
        await AddAccountAsync(Admin, AdminPassword, "admin");
        await AddAccountAsync(Supervisor, SupervisorPassword, "supervisor");
        await ExecuteAsync($"""
            insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, started_at)
            values (gen_random_uuid(), '1001', '+86{CustomerNumber}', '+862152810000', now() - interval '1 hour');
            insert into customer_ids (customer_id, number) values ('C10086', '+86{CustomerNumber}');
            """);

        _host = ControllerHost.Build(
        [
            $"--Database:ConnectionString={ControllerDatabase(Database)}", "--Esl:Password=a-long-secret", "--Esl:Port=1", "--Outbound:Port=0",
            $"--CallJournal:Directory={_journal}", "--Web:Enabled=true", "--Web:Listen=127.0.0.1:0", $"--Prompts:Directory={PromptsDirectory}", .. Settings,
        ]);
        await _host.StartAsync();
        Address = _host.Services.GetRequiredService<WebConsoleServer>().Address!;
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        await _postgres.DisposeAsync();
        if (Directory.Exists(_journal))
        {
            Directory.Delete(_journal, recursive: true);
        }

        if (Directory.Exists(PromptsDirectory))
        {
            Directory.Delete(PromptsDirectory, recursive: true);
        }
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };

    /// <summary>A new client signed in through the login form as the admin (who edits).</summary>
    public Task<HttpClient> AdminClientAsync() => SignedInClientAsync(Admin, AdminPassword);

    /// <summary>A new client signed in through the login form as the supervisor (who reads).</summary>
    public Task<HttpClient> SupervisorClientAsync() => SignedInClientAsync(Supervisor, SupervisorPassword);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<HttpClient> SignedInClientAsync(string name, string password)
    {
        HttpClient client = NewClient();
        try
        {
            await client.LogInAsync(name, password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task AddAccountAsync(string name, string password, string role)
    {
        var (exitCode, _, error) = await Ivrctl.RunAsync(password + "\n", "admins", "add", name, "--role", role);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"admins add {name} failed: {error}");
        }
    }
}
