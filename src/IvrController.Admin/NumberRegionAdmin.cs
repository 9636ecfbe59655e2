using Dapper;
using IvrController.Rules.Regions;
using IvrController.Store.Rows;
using Npgsql;
using NpgsqlTypes;

namespace IvrController.Admin;

/// <summary>
/// The admin write side of <c>number_regions</c>: the prefix → region table, imported whole from CSV.
/// An import is all or nothing and fast: the file is checked completely first, then streamed with a
/// binary COPY into a temporary table and merged in the same transaction, so the call path's snapshot
/// sees either the old table or the new one (and one change notification).
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class NumberRegionAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Doing = "import regions";

    private static readonly StagingColumn[] Staging =
        [StagingColumn.Text("prefix"), StagingColumn.Text("province"), StagingColumn.Text("city")];

    /// <summary>
    /// Imports a <c>prefix,province,city</c> file. Any bad line refuses the whole file (every bad line is
    /// reported). <paramref name="replace"/>: prefixes not in the file are removed; otherwise the file's
    /// rows are added or updated and the others stay. <paramref name="source"/> (the file's name) goes into the audit entry.
    /// </summary>
    public async Task<ImportResult> ImportAsync(TextReader csv, string source, bool replace, CancellationToken cancellationToken)
    {
        RegionCsvImport parsed = RegionPrefixTable.ParseCsv(csv);
        if (!parsed.IsValid)
        {
            return ImportResult.Refused([.. parsed.Errors.Select(e => new ImportLineError(e.Line, e.Message))]);
        }

        return await RuleTableEdit.RunAsync(dataSource, Doing, async (connection, transaction) =>
        {
            // Imports take turns (the call path's readers do not wait), so the counts below are exact.
            await StagedImport.StageAsync(
                connection, transaction, "number_regions", "incoming_regions", Staging, parsed.Rows,
                static async (copy, row, ct) =>
                {
                    await copy.WriteAsync(row.Prefix, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await copy.WriteAsync(row.Region.Province, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await copy.WriteAsync(row.Region.City, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            // Joins rather than INSERT … ON CONFLICT: with every row already there, the conflict path
            // probes the index row by row and is several times slower than one hash join per statement.
            const string Merge = """
                with removed as (
                    delete from number_regions r
                    where @replace and not exists (select 1 from incoming_regions i where i.prefix = r.prefix)
                    returning 1)
                select count(*)::int from removed;

                with changed as (
                    update number_regions r set province = i.province, city = i.city
                    from incoming_regions i
                    where r.prefix = i.prefix and (r.province, r.city) is distinct from (i.province, i.city)
                    returning 1)
                select count(*)::int from changed;

                with added as (
                    insert into number_regions (prefix, province, city)
                    select prefix, province, city from incoming_regions i
                    where not exists (select 1 from number_regions r where r.prefix = i.prefix)
                    returning 1)
                select count(*)::int from added;
                """;
            ImportResult result;
            await using (var grid = await connection.QueryMultipleAsync(new CommandDefinition(
                Merge, new { replace }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                int removed = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                int changed = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                int added = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                result = new ImportResult(parsed.Rows.Count, added, changed, removed, []);
            }

            await AuditLog.WriteAsync(connection, transaction, result.Audit(who, "region table", source, replace), cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="limit"/> rows in prefix order, those starting with <paramref name="prefix"/> when given, and how many match in all.</summary>
    public async Task<ListPage<NumberRegionRow>> ListAsync(string? prefix, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (prefix is not null && (prefix.Length == 0 || !prefix.All(char.IsAsciiDigit)))
        {
            throw new RuleEditException("list regions: a prefix filter is digits only");
        }

        // starts_with rather than LIKE: the filter is data, never a pattern.
        const string Sql = """
            select count(*) from number_regions where @prefix is null or starts_with(prefix, @prefix);

            select prefix as Prefix, province as Province, city as City
            from number_regions
            where @prefix is null or starts_with(prefix, @prefix)
            order by prefix
            limit @limit;
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql, new { prefix, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        long total = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        var rows = (await grid.ReadAsync<NumberRegionRow>().ConfigureAwait(false)).AsList();
        return new ListPage<NumberRegionRow>(rows, total);
    }
}
