using IvrController.Cli;
using IvrController.Store.Migrations;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseCommandsTests(PostgresServer postgres)
{
    [Fact]
    public async Task Db_migrate_builds_the_schema_from_empty_and_is_idempotent()
    {
        var ivrctl = new Ivrctl(await postgres.CreateDatabaseAsync("cli_migrate"));

        var first = await ivrctl.RunAsync("db", "migrate");
        Assert.Equal((ExitCodes.Success, ""), (first.ExitCode, first.Error));
        Assert.StartsWith($"Applied {MigrationScript.Embedded.Count} migration(s): 0001_initial.sql, ", first.Output, StringComparison.Ordinal);

        var second = await ivrctl.RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.StartsWith("The schema is up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_database_the_verb_fails_with_one_line_saying_how_to_name_it()
    {
        var result = await new Ivrctl(null).RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal($"ivrctl: No database: pass --db \"Host=…;Database=…\" or set IVR_DB.{Environment.NewLine}", result.Error);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_not_a_stack_trace()
    {
        var result = await new Ivrctl("Host=127.0.0.1;Port=1;Database=x;Timeout=2").RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("ivrctl: cannot reach the database:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        var result = await new Ivrctl(null).RunAsync("db", "frobnicate");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", result.Error, StringComparison.Ordinal);
    }
}
