using Npgsql;

namespace IvrController.Store.Tests;

/// <summary>
/// A raw <c>LISTEN ivr_rules_changed</c> session for checking the triggers themselves. To know
/// that everything a statement raised has arrived, the test sends a sentinel NOTIFY afterwards
/// and waits for it: notifications are delivered in commit order.
/// </summary>
internal sealed class NotificationRecorder : IAsyncDisposable
{
    public const string Sentinel = "test-sentinel";

    private readonly NpgsqlConnection _connection;
    private readonly List<string> _payloads = [];

    private NotificationRecorder(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, e) =>
        {
            if (e.Channel == "ivr_rules_changed")
            {
                _payloads.Add(e.Payload);
            }
        };
    }

    public static async Task<NotificationRecorder> ListenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand("LISTEN ivr_rules_changed", connection);
        await listen.ExecuteNonQueryAsync();
        return new NotificationRecorder(connection);
    }

    /// <summary>Runs <paramref name="sql"/> on another session, then returns the payloads it caused.</summary>
    public async Task<IReadOnlyList<string>> PayloadsOfAsync(string connectionString, string sql)
    {
        _payloads.Clear();
        await Sql.ExecuteAsync(connectionString, sql);
        await Sql.ExecuteAsync(connectionString, $"select pg_notify('ivr_rules_changed', '{Sentinel}')");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_payloads.Contains(Sentinel))
        {
            // Each call returns once a notification has been processed (or throws on timeout).
            await _connection.WaitAsync(timeout.Token);
        }

        return _payloads.Where(p => p != Sentinel).ToArray();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
