using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace IvrController.Admin;

/// <summary>One column of a staging table: its name, its SQL type and how COPY writes it.</summary>
internal sealed record StagingColumn(string Name, string SqlType, NpgsqlDbType CopyType)
{
    public static StagingColumn Text(string name) => new(name, "text not null", NpgsqlDbType.Text);

    public static StagingColumn Integer(string name) => new(name, "int not null", NpgsqlDbType.Integer);
}

/// <summary>
/// How a CSV import reaches a rule table, the first half of every import: inside the import's transaction the
/// target table is locked against other imports (the call path's readers never wait), the checked rows are
/// streamed with one binary COPY into a temporary table that goes at commit, and that table is analysed so the
/// merge that follows (the caller's own SQL) gets hash joins rather than row-by-row probes.
/// </summary>
internal static class StagedImport
{
    /// <param name="target">The rule table the rows are merged into afterwards; locked until the transaction ends.</param>
    /// <param name="staging">The temporary table's name, for the caller's merge to read from.</param>
    /// <param name="writeRow">Writes one row's values in <paramref name="columns"/> order.</param>
    public static async Task StageAsync<TRow>(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string target,
        string staging,
        IReadOnlyList<StagingColumn> columns,
        IEnumerable<TRow> rows,
        Func<NpgsqlBinaryImporter, TRow, CancellationToken, Task> writeRow,
        CancellationToken cancellationToken)
    {
        // The names are the importers' constants, never input.
        string definitions = string.Join(", ", columns.Select(c => $"{c.Name} {c.SqlType}"));
        string prepare = $"""
            lock table {target} in share row exclusive mode;
            create temp table {staging} ({definitions}) on commit drop;
            """;
        await connection.ExecuteAsync(new CommandDefinition(prepare, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        string copyCommand = $"copy {staging} ({string.Join(", ", columns.Select(c => c.Name))}) from stdin (format binary)";
        await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken).ConfigureAwait(false))
        {
            foreach (TRow row in rows)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writeRow(copy, row, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // A temporary table has no statistics until analysed; the merges join it at hundreds of thousands of rows.
        await connection.ExecuteAsync(new CommandDefinition($"analyze {staging}", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
