using IvrController.Retries;
using Npgsql;

namespace IvrController.Store.Changes;

/// <summary>
/// One dedicated connection that has run <c>LISTEN</c> on a channel, kept open for as long as the caller wants:
/// whenever it fails it is thrown away and opened again after a capped, jittered backoff. What the owner does with
/// the channel is its own: it hears when the session is listening (the first time, or again after a gap, when
/// whatever was announced in between is lost), each notification's payload, and each failure.
/// </summary>
internal sealed class ListeningSession
{
    private readonly string _connectionString;
    private readonly string _channel;
    private readonly CappedBackoff _backoff;
    private readonly TimeProvider _time;

    /// <param name="keepAliveSeconds">How long the connection may sit idle before Npgsql probes it, so a server that vanished is noticed.</param>
    public ListeningSession(string connectionString, string channel, string applicationName, int keepAliveSeconds, CappedBackoff backoff, TimeProvider time)
    {
        _channel = channel;
        _backoff = backoff;
        _time = time;
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = applicationName,
            // A LISTEN session must be ours alone: a pooled connection would carry the LISTEN
            // to other users, and a broken one must be thrown away, not returned.
            Pooling = false,
            KeepAlive = keepAliveSeconds,
        }.ConnectionString;
    }

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> fires; never throws for a database failure. After each
    /// LISTEN, <paramref name="listening"/> runs with the time the connection was lost (null the first time); a
    /// failure inside it counts as the connection's. <paramref name="lost"/> hears each failure with the attempt's
    /// number (from 1) and the wait before the next.
    /// </summary>
    public async Task RunAsync(
        Func<NpgsqlConnection, DateTimeOffset?, CancellationToken, Task> listening,
        Action<string> notified,
        Action<Exception, int, TimeSpan> lost,
        CancellationToken cancellationToken)
    {
        int failedAttempts = 0;
        DateTimeOffset? lostAt = null;
        void OnNotification(object? sender, NpgsqlNotificationEventArgs e)
        {
            if (string.Equals(e.Channel, _channel, StringComparison.Ordinal))
            {
                notified(e.Payload);
            }
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var connection = new NpgsqlConnection(_connectionString);
            connection.Notification += OnNotification;
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {_channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await listening(connection, lostAt, cancellationToken).ConfigureAwait(false);
                failedAttempts = 0;
                lostAt = null;
                while (true)
                {
                    // Returns after each batch of notifications; OnNotification has seen them.
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Anything the database or the network throws is worth another try: a listener that gave up
                // would leave this controller behind the others until restarted.
                lostAt ??= _time.GetUtcNow();
                TimeSpan retryIn = _backoff.Delay(failedAttempts++);
                lost(e, failedAttempts, retryIn);
                try
                {
                    await Task.Delay(retryIn, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                connection.Notification -= OnNotification;
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
