using System.Data;
using DbUp.Engine;
using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Postgresql;

namespace IvrController.Store.Migrations;

/// <summary>
/// DbUp's PostgreSQL journal, kept in <c>schema_versions</c> with one extra column: the
/// checksum of each applied script. DbUp itself only records names, so an edited script would
/// silently never run; <see cref="DatabaseMigrator"/> compares these checksums before upgrading.
/// </summary>
internal sealed class SchemaVersionsJournal(
    Func<IConnectionManager> connectionManager,
    Func<IUpgradeLog> log,
    IReadOnlyDictionary<string, string> checksums)
    : PostgresqlTableJournal(connectionManager, log, Schema, Table)
{
    public const string Schema = "public";
    public const string Table = "schema_versions";

    protected override string CreateSchemaTableSql(string quotedPrimaryKeyName) =>
        $"""
        create table {FqSchemaTableName} (
            schemaversionsid serial       not null,
            scriptname       varchar(255) not null,
            applied          timestamptz  not null default now(),
            checksum         text         not null,
            constraint {quotedPrimaryKeyName} primary key (schemaversionsid),
            constraint schema_versions_scriptname_key unique (scriptname)
        );
        comment on table {FqSchemaTableName} is 'Migrations applied by IvrController (DbUp journal plus a SHA-256 of each script).'
        """;

    protected override IDbCommand GetInsertScriptCommand(Func<IDbCommand> dbCommandFactory, SqlScript script)
    {
        if (!checksums.TryGetValue(script.Name, out string? checksum))
        {
            throw new InvalidOperationException($"Migration '{script.Name}' is not one of the embedded scripts.");
        }

        IDbCommand command = dbCommandFactory();
        // Positional parameters work whether or not Npgsql's SQL rewriting is switched on.
        AddParameter(command, script.Name);
        AddParameter(command, checksum);
        command.CommandText = $"insert into {FqSchemaTableName} (scriptname, applied, checksum) values ($1, now(), $2)";
        command.CommandType = CommandType.Text;
        return command;
    }

    private static void AddParameter(IDbCommand command, string value)
    {
        IDbDataParameter parameter = command.CreateParameter();
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
