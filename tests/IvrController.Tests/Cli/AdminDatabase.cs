using IvrController.Cli;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary>A fresh database migrated through <c>ivrctl db migrate</c>, with plain SQL for what other verbs own.</summary>
internal sealed class AdminDatabase
{
    /// <summary>Skill groups sales and care, agent 1001, and three of our numbers without a menu.</summary>
    public const string People = """
        insert into skill_groups (id, name) values ('sales', 'Sales'), ('care', 'Care');
        insert into agents (id, name) values ('1001', 'Zhang Wei');
        insert into caller_numbers (number) values ('+861012345678'), ('+862087654321'), ('+862112345678');
        """;

    private AdminDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        Ivrctl = new Ivrctl(connectionString);
    }

    public string ConnectionString { get; }

    public Ivrctl Ivrctl { get; }

    public static async Task<AdminDatabase> CreateAsync(PostgresServer postgres, string prefix, string setup = "")
    {
        var database = new AdminDatabase(await postgres.CreateDatabaseAsync(prefix));
        var migrated = await database.Ivrctl.RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Success, migrated.ExitCode);
        if (setup.Length > 0)
        {
            await database.ExecuteAsync(setup);
        }

        return database;
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => Ivrctl.RunAsync(args);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What a successful edit prints: one line, nothing on stderr.</summary>
    public static void Confirms(string line, (int ExitCode, string Output, string Error) result)
    {
        Assert.Equal((ExitCodes.Success, "", line + Environment.NewLine), (result.ExitCode, result.Error, result.Output));
    }

    /// <summary>What a refused or mistyped verb prints: exit code 1 and one line on stderr, nothing on stdout.</summary>
    public static void FailsWith(string message, (int ExitCode, string Output, string Error) result)
    {
        Assert.Equal((ExitCodes.Failure, "", $"ivrctl: {message}{Environment.NewLine}"), (result.ExitCode, result.Output, result.Error));
    }

    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + Environment.NewLine));
}
