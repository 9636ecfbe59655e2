using Npgsql;

namespace IvrController.Store.Calls;

/// <summary>
/// How the connections of the call log's own pool differ from the site's connection string. The call log's statements
/// (a few inserts, an update and a select per call, the same dozen texts all day) leave nothing on their session: no
/// SET, LISTEN, temporary table or open transaction. So its connections go back to the pool without a reset (the
/// DISCARD ALL Npgsql otherwise sends ahead of the next statement: server work for nothing, and as often as not a reply
/// of its own that wakes the controller once more), and keep their statements prepared (the server parses and plans
/// each text once per connection). Only the call log uses this pool; everything else keeps the site's settings. Its
/// connections count against the server's <c>max_connections</c> beside the shared pool's, up to Maximum Pool Size each.
/// </summary>
public static class CallLogPool
{
    /// <summary>Statements each connection keeps prepared, unless the site's connection string says (0: none, for a pooler that cannot keep them).</summary>
    public const int PreparedStatements = 16;

    public static string ConnectionString(string siteConnectionString)
    {
        var pool = new NpgsqlConnectionStringBuilder(siteConnectionString) { NoResetOnClose = true };
        if (!NamesMaxAutoPrepare(siteConnectionString))
        {
            pool.MaxAutoPrepare = PreparedStatements;
        }

        return pool.ConnectionString;
    }

    /// <summary>Whether the site's string sets Max Auto Prepare itself ("Max Auto Prepare" or "MaxAutoPrepare", any case): its 0 looks like the default's.</summary>
    private static bool NamesMaxAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase));
}
