using IvrController.Store.Migrations;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigratorTests(PostgresServer server)
{
    private static readonly string[] AllTables =
    [
        "agent_skill_groups", "agents", "audit_log", "caller_number_leases", "caller_number_slots", "caller_numbers", "cluster_controllers", "console_accounts", "customer_ids", "inbound_calls", "ivr_menus", "ivr_options",
        "missed_callbacks", "number_regions", "outbound_calls", "rules_version", "schema_versions", "settings",
        "skill_group_numbers", "skill_groups", "survey_keys", "survey_results", "survey_templates",
    ];

    [Fact]
    public async Task Empty_database_gets_every_script_in_order_and_logs_each()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_empty");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var logger = new TestLogger<DatabaseMigrator>();

        var applied = await new DatabaseMigrator(dataSource, logger).MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationScript.Embedded.Select(s => s.Name), applied);
        Assert.Contains("0001_initial.sql", applied);
        foreach (string name in applied)
        {
            Assert.Contains(logger.Records, r => r.Level == LogLevel.Information && r.Message == $"Applied schema migration {name}");
        }

        var tables = await Sql.ListAsync<string>(connectionString, "select tablename from pg_tables where schemaname = 'public' order by tablename");
        Assert.Equal(AllTables, tables);
        var journal = await Sql.ListAsync<string>(connectionString, "select scriptname || ' ' || checksum from schema_versions order by scriptname");
        Assert.Equal(MigrationScript.Embedded.Select(s => $"{s.Name} {s.Checksum}"), journal);
    }

    [Fact]
    public async Task Second_run_applies_nothing_and_leaves_the_journal_alone()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_twice");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var logger = new TestLogger<DatabaseMigrator>();
        await new DatabaseMigrator(dataSource, logger).MigrateAsync(CancellationToken.None);
        var journalBefore = await Sql.ListAsync<string>(connectionString, "select scriptname || applied::text from schema_versions order by 1");

        var applied = await new DatabaseMigrator(dataSource, logger).MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(journalBefore, await Sql.ListAsync<string>(connectionString, "select scriptname || applied::text from schema_versions order by 1"));
        Assert.Contains(logger.Records, r => r.Message.StartsWith("Database schema is up to date", StringComparison.Ordinal));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(connectionString, "select count(*) from settings"));
    }

    [Fact]
    public async Task Two_instances_starting_together_apply_each_script_once()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_race");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var first = new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>());
        var second = new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>());

        var results = await Task.WhenAll(
            Task.Run(() => first.MigrateAsync(CancellationToken.None)),
            Task.Run(() => second.MigrateAsync(CancellationToken.None)));

        Assert.Equal(MigrationScript.Embedded.Select(s => s.Name), results.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Equal(MigrationScript.Embedded.Count, await Sql.ScalarAsync<long>(connectionString, "select count(*) from schema_versions"));
    }

    [Fact]
    public async Task Edited_script_is_refused_with_its_name()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_edited");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>()).MigrateAsync(CancellationToken.None);
        MigrationScript original = MigrationScript.Embedded[0];
        string edited = original.Contents + "\ncreate table sneaked_in (id int);\n";
        var scripts = MigrationScript.Embedded.Select(s => s == original ? s with { Contents = edited, Checksum = MigrationScript.ComputeChecksum(edited) } : s).ToArray();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>(), scripts).MigrateAsync(CancellationToken.None));

        Assert.Contains($"'{original.Name}' was changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.False(await Sql.ScalarAsync<bool>(connectionString, "select to_regclass('sneaked_in') is not null"));
    }

    [Fact]
    public async Task Failing_script_is_rolled_back_with_its_journal_row_and_can_be_fixed()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_failing");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var broken = Script(9001, "9001_broken.sql", "create table half_done (id int);\nselect 1 / 0;\n");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>(), [.. MigrationScript.Embedded, broken]).MigrateAsync(CancellationToken.None));

        Assert.Contains("'9001_broken.sql' failed", error.Message, StringComparison.Ordinal);
        Assert.Equal("22012", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.False(await Sql.ScalarAsync<bool>(connectionString, "select to_regclass('half_done') is not null"));
        // The scripts before it stay applied: one transaction per script.
        Assert.Equal(MigrationScript.Embedded.Select(s => s.Name), await Sql.ListAsync<string>(connectionString, "select scriptname from schema_versions order by scriptname"));

        var fixedScript = Script(9001, "9001_broken.sql", "create table half_done (id int);\n");
        var applied = await new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>(), [.. MigrationScript.Embedded, fixedScript]).MigrateAsync(CancellationToken.None);

        Assert.Equal(["9001_broken.sql"], applied);
        Assert.True(await Sql.ScalarAsync<bool>(connectionString, "select to_regclass('half_done') is not null"));
    }

    [Fact]
    public async Task Journal_entry_unknown_to_this_build_is_a_warning_not_a_failure()
    {
        string connectionString = await server.CreateDatabaseAsync("migrate_newer");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, new TestLogger<DatabaseMigrator>()).MigrateAsync(CancellationToken.None);
        await Sql.ExecuteAsync(connectionString, "insert into schema_versions (scriptname, checksum) values ('9999_from_the_future.sql', 'x')");
        var logger = new TestLogger<DatabaseMigrator>();

        var applied = await new DatabaseMigrator(dataSource, logger).MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Contains(logger.Records, r => r.Level == LogLevel.Warning && r.Message.Contains("9999_from_the_future.sql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_table_has_a_comment()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "migrate_comments");

        var uncommented = await Sql.ListAsync<string>(connectionString, """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r' and obj_description(c.oid, 'pg_class') is null
            """);

        Assert.Empty(uncommented);
    }

    [Fact]
    public void Embedded_scripts_are_numbered_in_order()
    {
        var scripts = MigrationScript.Embedded;

        Assert.NotEmpty(scripts);
        Assert.Equal("0001_initial.sql", scripts[0].Name);
        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(s => s.Version));
        Assert.All(scripts, s => Assert.Equal(MigrationScript.ComputeChecksum(s.Contents), s.Checksum));
    }

    [Fact]
    public void Checksum_ignores_line_endings_but_not_content()
    {
        Assert.Equal(MigrationScript.ComputeChecksum("select 1;\nselect 2;\n"), MigrationScript.ComputeChecksum("select 1;\r\nselect 2;\r\n"));
        Assert.NotEqual(MigrationScript.ComputeChecksum("select 1;\n"), MigrationScript.ComputeChecksum("select 2;\n"));
    }

    private static MigrationScript Script(int version, string name, string contents) =>
        new(version, name, contents, MigrationScript.ComputeChecksum(contents));
}
