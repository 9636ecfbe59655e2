using System.CommandLine;
using IvrController.Store.Migrations;
using Microsoft.Extensions.Logging;

namespace IvrController.Cli;

/// <summary><c>ivrctl db migrate</c>: brings the schema up to date (the controller also does it at start).</summary>
public static class DatabaseCommands
{
    public static Command Build(CliContext context)
    {
        var migrate = new Command("migrate", "Apply the schema migrations this build carries; safe to run again.");
        migrate.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            var migrator = new DatabaseMigrator(database, context.LoggerFactory.CreateLogger<DatabaseMigrator>());
            IReadOnlyList<string> applied = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(applied.Count == 0
                ? $"The schema is up to date ({migrator.Scripts.Count} migrations)."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.").ConfigureAwait(false);
        }));

        return new Command("db", "The database schema.") { migrate };
    }
}
