using IvrController.Cli;
using IvrController.TestSupport;
using IvrController.Web.Tests.Rig;
using Npgsql;
using Xunit;

namespace IvrController.Web.Tests.Cli;

/// <summary><c>ivrctl admins</c> on a real PostgreSQL: passwords from standard input only, one-line refusals, an audit entry per change.</summary>
public sealed class AdminsCommandsTests : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();
    private Ivrctl _ivrctl = new("");
    private string _database = "";

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _database = await _postgres.CreateDatabaseAsync("admins_verbs");
        _ivrctl = new Ivrctl(_database);
        await _ivrctl.OkAsync("db", "migrate");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Accounts_are_added_listed_given_a_new_password_and_removed_with_an_audit_entry_each()
    {
        var added = await _ivrctl.RunAsync("first-password-1\n", "admins", "add", "boss", "--role", "admin");
        var supervisor = await _ivrctl.RunAsync("second-password-1\n", "admins", "add", "watcher");
        string list = await _ivrctl.OkAsync("admins", "list");
        var passwd = await _ivrctl.RunAsync("third-password-1\n", "admins", "passwd", "boss");
        var removed = await _ivrctl.RunAsync(null, "admins", "remove", "watcher");

        Assert.Equal((ExitCodes.Success, "Added console account boss (admin).\n", ""), (added.ExitCode, added.Output.Replace("\r", ""), added.Error));
        Assert.Equal("Added console account watcher (supervisor).\n", supervisor.Output.Replace("\r", ""));
        Assert.Matches(@"boss\s+admin", list);
        Assert.Matches(@"watcher\s+supervisor", list);
        Assert.DoesNotContain("password-1", list, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, passwd.ExitCode);
        Assert.Equal(ExitCodes.Success, removed.ExitCode);
        Assert.Equal(4L, await ScalarAsync<long>("select count(*) from audit_log where who like 'ivrctl:%' and action = 'account'"));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from console_accounts where password_hash like '%password%'"));
    }

    [Theory]
    [InlineData("short\n", "ivrctl: a password needs at least 10 characters; nothing was changed.")]
    [InlineData("", "ivrctl: the password is empty; nothing was changed.")]
    public async Task A_weak_or_missing_password_is_refused_in_one_line(string input, string line)
    {
        var (exitCode, output, error) = await _ivrctl.RunAsync(input, "admins", "add", "boss", "--role", "admin");

        Assert.Equal((ExitCodes.Failure, ""), (exitCode, output));
        Assert.Equal(line, error.Trim());
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from console_accounts"));
    }

    [Fact]
    public async Task Unknown_accounts_and_roles_are_refused_and_a_password_argument_is_a_usage_error()
    {
        var passwd = await _ivrctl.RunAsync("a-long-password\n", "admins", "passwd", "nobody");
        var role = await _ivrctl.RunAsync("a-long-password\n", "admins", "add", "boss", "--role", "root");
        var argument = await _ivrctl.RunAsync(null, "admins", "add", "boss", "--password", "a-long-password");

        Assert.Equal((ExitCodes.Failure, "ivrctl: change the password of admin nobody: there is no such console account"), (passwd.ExitCode, passwd.Error.Trim()));
        Assert.Equal(ExitCodes.Failure, role.ExitCode);
        Assert.Contains("--role", role.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, argument.ExitCode);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
