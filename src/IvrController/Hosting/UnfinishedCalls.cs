using System.Collections.Concurrent;
using System.Threading.Channels;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Flows;
using IvrController.Presence;
using IvrController.Store.Calls;
using IvrController.Switches;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// Outbound calls that outlived a controller: a bridged call goes on when the controller is
/// killed or restarted (DESIGN 5), and nobody records its end. After every rebuild of presence
/// (so at start and after each reconnect to the switch) the call log's open calls from before this
/// controller started are checked against the switch: a call whose agent leg is gone ended while
/// no controller watched (recorded now, as <see cref="EndedUnobserved"/>); a call still up is
/// watched until its agent leg hangs up, and recorded then with the bridge's disposition.
/// The hangup normally arrives as a presence change; because <c>show channels</c> lags the switch,
/// presence can miss a leg created just before the rebuild, so watched calls are also asked for by
/// UUID every <see cref="WatchInterval"/> and recorded when they are gone. With several switches a
/// call is looked for on each (it runs on its agent's), and it counts as gone only when every one
/// answered that it does not have it.
/// </summary>
public sealed class UnfinishedCalls(
    CallLog callLog,
    ICallRecorder recorder,
    SwitchFleet fleet,
    TimeProvider time,
    ILogger<UnfinishedCalls> logger) : BackgroundService
{
    /// <summary>The disposition of a call that ended while no controller watched it: it ended at or before the recorded end.</summary>
    public const string EndedUnobserved = "ENDED_UNOBSERVED";

    /// <summary>How far back an open call is still looked for on the switch.</summary>
    private static readonly TimeSpan Reach = TimeSpan.FromDays(2);

    /// <summary>How often the watched calls are asked for on the switch, in case their hangup event was missed.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private readonly ConcurrentDictionary<string, string> _watched = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<bool> _checks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Calls being watched until they end.</summary>
    public int Watched => _watched.Count;

    /// <summary>Raised after each check of the open calls, with how many were closed.</summary>
    public event EventHandler<int>? Checked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (FleetSwitch fleetSwitch in fleet.Switches)
        {
            fleetSwitch.Presence.Reconciled += OnReconciled;
            fleetSwitch.Presence.Changed += OnChanged;
        }

        try
        {
            if (fleet.Switches.Any(s => s.IsSynchronized))
            {
                _checks.Writer.TryWrite(true);
            }

            Task watching = WatchAsync(stoppingToken);
            await foreach (bool _ in _checks.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }

            await watching.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (FleetSwitch fleetSwitch in fleet.Switches)
            {
                fleetSwitch.Presence.Reconciled -= OnReconciled;
                fleetSwitch.Presence.Changed -= OnChanged;
            }

            logger.LogInformation("Stopped checking for calls that outlived a controller: the host is stopping");
        }
    }

    private void OnReconciled(object? sender, PresenceReconciliation e) => _checks.Writer.TryWrite(true);

    private void OnChanged(object? sender, PresenceChange change)
    {
        if (change.Kind == PresenceChangeKind.LegEnded && change.ChannelUuid is { } uuid)
        {
            _ = EndWatchAsync(uuid);
        }
    }

    /// <summary>Records the end of a watched call once, whichever of the hangup event and the poll notices it first.</summary>
    private Task EndWatchAsync(string uuid)
    {
        if (!_watched.TryRemove(uuid, out string? disposition))
        {
            return Task.CompletedTask;
        }

        logger.LogInformation("Call {CallId}, which outlived the previous controller, ended ({Disposition})", uuid, disposition);
        return RecordEndAsync(Guid.Parse(uuid), disposition);
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(WatchInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (string uuid in _watched.Keys)
                {
                    try
                    {
                        if (await SwitchRunningAsync(uuid, cancellationToken).ConfigureAwait(false) is null)
                        {
                            await EndWatchAsync(uuid).ConfigureAwait(false);
                        }
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The switch is away: asked again on the next tick.
                        logger.LogDebug("Could not ask the switch for watched call {CallId} ({Reason})", uuid, e.Message);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        int closed = 0;
        try
        {
            IReadOnlyList<Guid> open = await callLog.OpenOutboundCallsAsync(_startedAt - Reach, _startedAt, cancellationToken).ConfigureAwait(false);
            foreach (Guid call in open)
            {
                string uuid = call.ToString();
                if (_watched.ContainsKey(uuid))
                {
                    continue;
                }

                if (await SwitchRunningAsync(uuid, cancellationToken).ConfigureAwait(false) is { } client)
                {
                    // Answered calls carry the bridge's result on the agent leg; a call still ringing has none yet.
                    ApiResponse result = await client.ApiAsync($"uuid_getvar {uuid} {ChannelVariables.OriginateDisposition}", null, cancellationToken).ConfigureAwait(false);
                    string disposition = result.Body.Trim() is { Length: > 0 } value && !value.StartsWith('-') && value != "_undef_" ? value : EndedUnobserved;
                    _watched[uuid] = disposition;
                    logger.LogInformation("Call {CallId} outlived the previous controller and is still up: its end will be recorded", uuid);
                }
                else
                {
                    await RecordEndAsync(call, EndedUnobserved).ConfigureAwait(false);
                    closed++;
                    logger.LogInformation("Call {CallId} ended while no controller watched it: recorded as ended by now ({Disposition})", uuid, EndedUnobserved);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The database or the switch is away: the next rebuild of presence tries again.
            logger.LogWarning("Could not check the call log's open calls against the switch ({Reason}); trying again after the next reconnect", e.Message);
        }

        Checked?.Invoke(this, closed);
    }

    /// <summary>The event socket of the switch the call's agent leg still runs on, or null when none has it (any that cannot be asked throws).</summary>
    private async Task<InboundClient?> SwitchRunningAsync(string uuid, CancellationToken cancellationToken)
    {
        foreach (FleetSwitch fleetSwitch in fleet.Switches)
        {
            if (await fleetSwitch.Client.ChannelExistsAsync(uuid, cancellationToken).ConfigureAwait(false))
            {
                return fleetSwitch.Client;
            }
        }

        return null;
    }

    private async Task RecordEndAsync(Guid call, string disposition)
    {
        try
        {
            await recorder.RecordOutboundCallEndAsync(new OutboundCallEnd(call, disposition, null, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the end of call {CallId}", call);
        }
    }
}
