using Dapper;
using IvrController.Store.Rows;
using Npgsql;
using NpgsqlTypes;

namespace IvrController.Admin;

/// <summary>
/// The admin write side of <c>customer_ids</c> (the table mode of the customer-id lookup), imported from
/// CSV all or nothing: the file is checked completely, streamed with a binary COPY into a temporary table
/// and merged in one transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class CustomerIdAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Doing = "import customer ids";

    private static readonly StagingColumn[] Staging =
        [StagingColumn.Integer("line"), StagingColumn.Text("customer_id"), StagingColumn.Text("number")];

    /// <summary>
    /// Imports a <c>customer_id,number</c> file. Any bad line refuses the whole file. Without
    /// <paramref name="replace"/>, the file's customers are added or get their new number and the others
    /// stay, so a number that still belongs to a customer outside the file is refused; with it, customers
    /// not in the file are removed. <paramref name="source"/> (the file's name) goes into the audit entry.
    /// </summary>
    public async Task<ImportResult> ImportAsync(TextReader csv, string source, bool replace, CancellationToken cancellationToken)
    {
        CustomerIdCsvImport parsed = CustomerIdCsv.Parse(csv);
        if (!parsed.IsValid)
        {
            return ImportResult.Refused(parsed.Errors);
        }

        var byLine = parsed.Rows.ToDictionary(entry => entry.Line);
        try
        {
            return await RuleTableEdit.RunAsync(dataSource, Doing, async (connection, transaction) =>
            {
                // Imports take turns (the call path's readers do not wait), so the counts and the clash check are exact.
                await StagedImport.StageAsync(
                    connection, transaction, "customer_ids", "incoming_customer_ids", Staging, parsed.Rows,
                    static async (copy, entry, ct) =>
                    {
                        await copy.WriteAsync(entry.Line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                        await copy.WriteAsync(entry.CustomerId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                        await copy.WriteAsync(entry.Number.E164, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);

                // With replace, customers not in the file go first, so their numbers are free for the file's customers.
                const string ClearAndCheck = """
                    with removed as (
                        delete from customer_ids c
                        where @replace and not exists (select 1 from incoming_customer_ids i where i.customer_id = c.customer_id)
                        returning 1)
                    select count(*)::int from removed;

                    select i.line as Line, c.customer_id as Owner
                    from incoming_customer_ids i join customer_ids c on c.number = i.number
                    where c.customer_id <> i.customer_id
                      and not exists (select 1 from incoming_customer_ids j where j.customer_id = c.customer_id)
                    order by i.line;
                    """;
                int removed;
                List<(int Line, string Owner)> taken;
                await using (var grid = await connection.QueryMultipleAsync(new CommandDefinition(
                    ClearAndCheck, new { replace }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    removed = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                    taken = (await grid.ReadAsync<(int Line, string Owner)>().ConfigureAwait(false)).AsList();
                }

                if (taken.Count > 0)
                {
                    throw new ImportConflict([.. taken.Select(t => new ImportLineError(
                        t.Line, $"number {byLine[t.Line].Number} belongs to customer id {t.Owner}, which this file does not change"))]);
                }

                // A customer whose number changes is deleted and inserted again, so two customers may swap
                // numbers in one file without tripping the unique number on the way.
                const string Merge = """
                    with changed as (
                        delete from customer_ids c using incoming_customer_ids i
                        where c.customer_id = i.customer_id and c.number <> i.number
                        returning 1)
                    select count(*)::int from changed;

                    with added as (
                        insert into customer_ids (customer_id, number)
                        select customer_id, number from incoming_customer_ids i
                        where not exists (select 1 from customer_ids c where c.customer_id = i.customer_id)
                        returning 1)
                    select count(*)::int from added;
                    """;
                int changed, inserted;
                await using (var grid = await connection.QueryMultipleAsync(new CommandDefinition(
                    Merge, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    changed = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                    inserted = await grid.ReadSingleAsync<int>().ConfigureAwait(false);
                }

                var result = new ImportResult(parsed.Rows.Count, inserted - changed, changed, removed, []);
                await AuditLog.WriteAsync(connection, transaction, result.Audit(who, "customer ids", source, replace), cancellationToken).ConfigureAwait(false);
                return result;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ImportConflict conflict)
        {
            // Thrown inside the transaction so it rolls back; reported like any bad line.
            return ImportResult.Refused(conflict.Errors);
        }
    }

    /// <summary>Up to <paramref name="limit"/> customer ids in id order, and how many there are in all. Numbers are E.164: mask them before showing.</summary>
    public async Task<ListPage<CustomerIdRow>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        const string Sql = """
            select count(*) from customer_ids;

            select customer_id as CustomerId, number as Number from customer_ids order by customer_id limit @limit;
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        long total = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        var rows = (await grid.ReadAsync<CustomerIdRow>().ConfigureAwait(false)).AsList();
        return new ListPage<CustomerIdRow>(rows, total);
    }
}
