using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Runs one admin edit in one transaction and turns a broken rule into the admin's sentence
/// (<see cref="ConstraintMessages"/>); every other failure propagates as it is. The edit writes its own
/// audit entry (<see cref="AuditLog"/>) in the same transaction, so the change and its entry commit together.
/// </summary>
internal static class RuleTableEdit
{
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource,
        string doing,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> edit,
        CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            T result = await edit(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (PostgresException e) when (RuleEditRefusal.ForViolation(e, doing) is { } refusal)
        {
            throw refusal;
        }
    }

    public static Task RunAsync(
        NpgsqlDataSource dataSource,
        string doing,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> edit,
        CancellationToken cancellationToken) =>
        RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            await edit(connection, transaction).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>An id as it goes into a refusal: quoted when it has characters an id cannot have, so "agent 7" reads as one id.</summary>
    public static string Quote(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') ? id : $"'{id}'";
}
