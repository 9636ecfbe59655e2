using Dapper;
using DbUp;
using DbUp.Engine;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Store.Migrations;

/// <summary>
/// Brings the database schema up to date with the SQL scripts embedded in this assembly.
/// </summary>
/// <remarks>
/// Why DbUp (dbup-postgresql): the schema is plain, reviewable SQL files applied in order and
/// journaled, which is exactly what DbUp does, it is in our registry, and it runs on Npgsql 10.
/// EF Core migrations would put a model and a code generator between us and the SQL we want
/// to own; a home-made runner would be code to maintain for no gain. What DbUp lacks we add
/// around it, in this class and <see cref="SchemaVersionsJournal"/>:
/// <list type="bullet">
/// <item>a PostgreSQL advisory lock, so two controllers starting together do not both apply a
/// script (DbUp has no locking of its own);</item>
/// <item>a checksum per applied script, compared before upgrading, so an edited migration is
/// refused instead of silently never running (DbUp journals names only);</item>
/// <item>one transaction per script (script and journal row commit together), variable
/// substitution off (it would rewrite <c>$name$</c> inside dollar-quoted function bodies),
/// and DbUp's log routed to ours.</item>
/// </list>
/// DbUp is synchronous, so the cancellation token is honoured while waiting for the lock and
/// before the first script, not in the middle of one.
/// </remarks>
public sealed class DatabaseMigrator
{
    // Any constant works as long as every controller uses the same one; this spells "IVRSCHEM".
    internal const long AdvisoryLockKey = 0x4956_5253_4348_454D;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    public DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
        : this(dataSource, logger, MigrationScript.Embedded)
    {
    }

    // Tests pass other scripts (a failing one, an edited one) through here.
    internal DatabaseMigrator(NpgsqlDataSource dataSource, ILogger logger, IReadOnlyList<MigrationScript> scripts)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _logger = logger;
        _scripts = scripts;
    }

    /// <summary>The scripts this build knows, in the order they are applied.</summary>
    public IReadOnlyList<MigrationScript> Scripts => _scripts;

    /// <summary>
    /// Applies every script not yet in <c>schema_versions</c>, each in its own transaction, and
    /// returns the names of those it applied (empty when the schema was already current).
    /// Throws <see cref="SchemaMigrationException"/> when a script fails or an applied script
    /// has changed since.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        // The lock lives as long as this session; it is released explicitly below, and by the
        // server if the process dies.
        await using NpgsqlConnection lockConnection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await AcquireLockAsync(lockConnection, cancellationToken).ConfigureAwait(false);
        try
        {
            await VerifyAppliedScriptsAsync(lockConnection, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            UpgradeEngine engine = BuildEngine();
            DatabaseUpgradeResult result = await Task.Run(engine.PerformUpgrade, cancellationToken).ConfigureAwait(false);

            var applied = result.Scripts.Select(script => script.Name).ToArray();
            foreach (string name in applied)
            {
                _logger.LogInformation("Applied schema migration {Migration}", name);
            }

            if (!result.Successful)
            {
                string failed = result.ErrorScript?.Name ?? "(unknown script)";
                _logger.LogError(result.Error, "Schema migration {Migration} failed and was rolled back", failed);
                throw new SchemaMigrationException(
                    $"Schema migration '{failed}' failed and was rolled back: {result.Error?.Message}", result.Error!);
            }

            if (applied.Length == 0)
            {
                _logger.LogInformation("Database schema is up to date ({Count} migrations applied earlier)", _scripts.Count);
            }

            return applied;
        }
        finally
        {
            await ReleaseLockAsync(lockConnection).ConfigureAwait(false);
        }
    }

    private async Task AcquireLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var key = new { key = AdvisoryLockKey };
        bool acquired = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition("select pg_try_advisory_lock(@key)", key, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (acquired)
        {
            return;
        }

        _logger.LogInformation("Another instance is migrating the schema; waiting for it to finish");
        await connection.ExecuteAsync(
            new CommandDefinition("select pg_advisory_lock(@key)", key, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        try
        {
            await connection.ExecuteAsync(
                new CommandDefinition("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey })).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken session has released its locks already; closing it is all that is left.
            _logger.LogDebug(e, "Could not release the migration lock explicitly");
        }
    }

    private async Task VerifyAppliedScriptsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        bool journalExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"select to_regclass('{SchemaVersionsJournal.Schema}.{SchemaVersionsJournal.Table}') is not null",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!journalExists)
        {
            return;
        }

        var applied = await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            $"select scriptname, checksum from {SchemaVersionsJournal.Schema}.{SchemaVersionsJournal.Table} order by scriptname",
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var known = _scripts.ToDictionary(script => script.Name, StringComparer.Ordinal);
        foreach ((string name, string checksum) in applied)
        {
            if (!known.TryGetValue(name, out MigrationScript? script))
            {
                // A newer build migrated this database; running older code on it is the
                // operator's call (a rollback), so say it loudly but do not refuse.
                _logger.LogWarning("The database has migration {Migration}, which this build does not know; it was written for a newer version", name);
            }
            else if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new SchemaMigrationException(
                    $"Migration '{name}' was changed after it was applied to this database " +
                    $"(checksum {checksum} in {SchemaVersionsJournal.Table}, {script.Checksum} in this build). " +
                    "Applied migrations must never be edited: restore the original file and put the change in a new script.");
            }
        }
    }

    private UpgradeEngine BuildEngine()
    {
        var checksums = _scripts.ToDictionary(script => script.Name, script => script.Checksum, StringComparer.Ordinal);
        return DeployChanges.To
            .PostgresqlDatabase(new PostgresqlConnectionManager(_dataSource))
            .WithScripts(_scripts.Select(script => new SqlScript(script.Name, script.Contents)))
            .JournalTo((connectionManager, log) => new SchemaVersionsJournal(connectionManager, log, checksums))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .ResetConfiguredLoggers()
            .LogTo(new DbUpLog(_logger))
            .Build();
    }
}
