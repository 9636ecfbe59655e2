using System.Text.Json;
using IvrController.Retries;
using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.Store.Calls;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Store.Changes;

/// <summary>
/// Keeps a controller's <see cref="CallbackMemory"/> the same as every other controller's: holds one
/// connection that has run <c>LISTEN ivr_outbound_calls</c> (the trigger of migration 0006 announces
/// every outbound call stored, whichever controller placed it) and remembers each call announced.
/// </summary>
/// <remarks>
/// Announcements made while this connection is down are gone, so after every (re)connect the call log
/// is read again from a little before the connection was lost (from the listener's start, the first
/// time: the controller's start-up loaded the window before it). A call placed through another
/// controller is thus known here within the notification's delay (milliseconds) while the database is
/// up, and within one reconnect after an outage.
/// </remarks>
public sealed class OutboundCallListener
{
    /// <summary>The channel the outbound_calls trigger notifies.</summary>
    public const string ChannelName = "ivr_outbound_calls";

    // Notifications and the resync's read are not ordered with each other: read a little further back.
    private static readonly TimeSpan ResyncOverlap = TimeSpan.FromSeconds(30);

    private readonly CallbackMemory _memory;
    private readonly CallLog _callLog;
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _createdAt;
    private int _started;

    public OutboundCallListener(CallbackMemory memory, CallLog callLog, string connectionString, ILogger<OutboundCallListener> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(callLog);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        _memory = memory;
        _callLog = callLog;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _createdAt = _time.GetUtcNow();
        _connectionString = connectionString;
    }

    /// <summary>Raised for each call announced by the database or read back after a reconnect, once remembered.</summary>
    public event Action<LastOutboundCall>? Heard;

    /// <summary>The wait before reconnect attempt n + 1.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Listens until <paramref name="cancellationToken"/> fires; database failures are logged and retried, never thrown. Call once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("OutboundCallListener.RunAsync may only be called once.");
        }

        var session = new ListeningSession(
            _connectionString, ChannelName, "ivr-controller outbound calls", keepAliveSeconds: 10, new CappedBackoff(InitialReconnectDelay, MaxReconnectDelay), _time);
        await session.RunAsync(ListeningAsync, OnNotification, OnLost, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Outbound call listener stopped: the host is stopping");
    }

    private async Task ListeningAsync(NpgsqlConnection connection, DateTimeOffset? lostAt, CancellationToken cancellationToken)
    {
        // Listening first, then reading: a call stored in between is both read and announced (harmless).
        // From the listener's start the first time (start-up loaded the window before it), else from the loss.
        int read = await ResyncAsync((lostAt ?? _createdAt) - ResyncOverlap, cancellationToken).ConfigureAwait(false);
        if (lostAt is { } since)
        {
            _logger.LogWarning("Outbound calls of the other controllers are announced here again after {Gap:0.0} s; {Calls} call(s) of that time read from the call log",
                (_time.GetUtcNow() - since).TotalSeconds, read);
        }
        else
        {
            _logger.LogInformation("Callback memory follows every controller's calls (channel {Channel})", ChannelName);
        }
    }

    private void OnLost(Exception e, int attempt, TimeSpan retryIn) =>
        _logger.LogWarning("Callback memory hears no other controller's calls ({Reason}); this controller's own calls are still remembered; attempt {Attempt}, retrying in {Delay:0.0} s",
            e.Message, attempt, retryIn.TotalSeconds);

    private async Task<int> ResyncAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        TimeSpan reach = _time.GetUtcNow() - since;
        if (reach > _memory.Retention)
        {
            since = _time.GetUtcNow() - _memory.Retention;
        }

        IReadOnlyList<LastOutboundCall> calls = await _callLog.LatestOutboundCallPerCustomerSinceAsync(since, cancellationToken).ConfigureAwait(false);
        foreach (LastOutboundCall call in calls)
        {
            Remember(call);
        }

        return calls.Count;
    }

    private void OnNotification(string payload)
    {
        if (TryRead(payload, out LastOutboundCall? call))
        {
            Remember(call);
        }
        else
        {
            // The payload holds a customer's number: say only that it was unreadable.
            _logger.LogWarning("An outbound call announcement could not be read ({Length} characters); the next resync reads the call log", payload.Length);
        }
    }

    private void Remember(LastOutboundCall call)
    {
        _memory.Remember(call);
        Heard?.Invoke(call);
    }

    /// <summary>Reads the trigger's payload: {"agent":…,"customer":E.164,"caller":E.164,"at":microseconds since 1970}.</summary>
    internal static bool TryRead(string payload, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LastOutboundCall? call)
    {
        call = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement root = document.RootElement;
            if (root.GetProperty("agent").GetString() is not { } agent
                || !ChineseNumberNormalizer.Default.TryNormalize(root.GetProperty("customer").GetString(), out PhoneNumber? customer, out _)
                || !ChineseNumberNormalizer.Default.TryNormalize(root.GetProperty("caller").GetString(), out PhoneNumber? caller, out _))
            {
                return false;
            }

            long micros = root.GetProperty("at").GetInt64();
            call = new LastOutboundCall(agent, customer, caller, DateTimeOffset.UnixEpoch.AddTicks(micros * 10));
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
