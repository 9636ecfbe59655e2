using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>The audit log: every change made through the console or ivrctl, newest first when read.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private const string Insert = "insert into audit_log (who, action, detail) values (@Who, @Action, @Detail)";

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await RuleEditRefusal.TranslatingAsync($"audit {entry.Action}", () => connection.ExecuteAsync(new CommandDefinition(Insert, entry, cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>The newest <paramref name="limit"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditRecord>(new CommandDefinition(
            "select id as Id, at as At, who as Who, action as Action, detail as Detail from audit_log order by id desc limit @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>Writes inside a caller's transaction, so a change and its entry commit together.</summary>
    internal static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        RuleEditRefusal.TranslatingAsync($"audit {entry.Action}", () => connection.ExecuteAsync(new CommandDefinition(Insert, entry, transaction, cancellationToken: cancellationToken)));
}
