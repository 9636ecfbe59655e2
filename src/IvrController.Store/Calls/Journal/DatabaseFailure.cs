using System.Net.Sockets;
using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// Sorts what a call log write threw: a refusal of the record itself (another try gives the same
/// answer, so it goes to the dead-letter file) or an unreachable database (keep it and retry).
/// </summary>
internal static class DatabaseFailure
{
    /// <summary>
    /// True for a constraint violation or a value the database rejects (SQLSTATE classes 23 and
    /// 22), and for the errors a record that cannot be bound to its statement raises. Anything
    /// else, including errors never seen before, counts as the database being unavailable: the
    /// record then waits in the journal, where nothing is lost.
    /// </summary>
    public static bool IsRefusal(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        NpgsqlException or TimeoutException or IOException or SocketException or OperationCanceledException => false,
        ArgumentException or InvalidCastException or FormatException or NotSupportedException => true,
        _ => false,
    };

    /// <summary>
    /// The failure in a log line. PostgreSQL's detail (which may quote a row, numbers included) is
    /// never used: a refusal is told by its constraint, in the admin's words where there are some.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException { ConstraintName: { } constraint } postgres when IsRefusal(postgres) =>
            $"{ConstraintMessages.For(constraint) ?? "the record breaks a rule of the schema"} (constraint {constraint}, SQLSTATE {postgres.SqlState})",
        PostgresException postgres when IsRefusal(postgres) => $"the database does not accept a value of the record (SQLSTATE {postgres.SqlState})",
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message}: {inner.Message}",
        _ => exception.Message,
    };
}
