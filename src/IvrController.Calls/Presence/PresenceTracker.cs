using System.Threading.Channels;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Rules.Agents;
using Microsoft.Extensions.Logging;

namespace IvrController.Presence;

/// <summary>
/// Keeps <see cref="AgentPresence"/> current from the inbound event socket: subscribes to the
/// registration and channel events, applies each one as it arrives, and rebuilds everything from
/// <c>show registrations</c> / <c>show channels</c> at start and after every reconnect, because
/// events sent while we were away are gone. Reads <see cref="InboundClient.Events"/> as its only
/// consumer. Start <see cref="RunAsync"/> before the client's own RunAsync.
/// </summary>
public sealed class PresenceTracker
{
    /// <summary>
    /// What presence subscribes to. CUSTOM and its subclasses come last and as one entry: the
    /// switch reads every word after CUSTOM as a subclass name.
    /// </summary>
    public static IReadOnlyList<string> EventSubscriptions { get; } =
    [
        EventNames.ChannelCreate,
        EventNames.ChannelAnswer,
        EventNames.ChannelHangupComplete,
        $"{EventNames.Custom} {EventNames.SofiaRegister} {EventNames.SofiaUnregister} {EventNames.SofiaExpire}",
    ];

    /// <summary>
    /// Which of those events the switch sends at all: only those about the agents' profile. A
    /// channel's <c>variable_sofia_profile_name</c> is set before its CHANNEL_CREATE on both
    /// directions, and a registration event names its profile in <c>profile-name</c>. Customers'
    /// legs (half of all channel events, and the largest ones) never reach the controller; the
    /// switch ORs filters, so either header lets an event through.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> EventFilters(PresenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new("variable_sofia_profile_name", options.AgentProfile),
            new(SofiaRegistrationHeaders.ProfileName, options.AgentProfile),
        ];
    }

    private readonly InboundClient _client;
    private readonly PresenceOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PresenceEventHandler _handler;
    private readonly PresenceReconciler _reconciler;

    // Holds at most one "the connection changed, resynchronise" token: several changes in a
    // row need one rebuild, taken when the loop gets to it.
    private readonly Channel<bool> _resync = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // The latest connection change (written by the client's loop, read by ours), and the one the
    // state was last rebuilt for: one rebuild per connection, however many wake-ups it causes.
    private InboundConnectionChange? _latestChange;
    private InboundConnectionChange? _rebuiltFor;
    private int _started;

    public PresenceTracker(InboundClient client, PresenceOptions options, ILogger<PresenceTracker> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _client = client;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _handler = new PresenceEventHandler(options);
        _reconciler = new PresenceReconciler(options);
        Presence = new AgentPresence(_time);
    }

    /// <summary>Raised on the tracker's loop after an event changed an agent's presence.</summary>
    public event EventHandler<PresenceChange>? Changed;

    /// <summary>Raised on the tracker's loop after presence was rebuilt from the switch.</summary>
    public event EventHandler<PresenceReconciliation>? Reconciled;

    public AgentPresence Presence { get; }

    public bool IsRegistered(string agentId) => Presence.IsRegistered(agentId);

    public bool IsOnCall(string agentId) => Presence.IsOnCall(agentId);

    /// <summary>Registered and not on a call: what a callback needs before it rings the agent.</summary>
    public bool IsAvailable(string agentId) => Presence.IsAvailable(agentId);

    /// <summary>What the switch says of the agent's phones, for <see cref="AgentAvailability.Of"/>.</summary>
    public AgentOnSwitch OnSwitch(string agentId)
    {
        AgentPresenceStatus status = Presence.StatusOf(agentId);
        return new AgentOnSwitch(status.IsRegistered, status.IsOnCall);
    }

    /// <summary>Every known agent, for a status listing.</summary>
    public PresenceSnapshot Snapshot() => Presence.Snapshot();

    /// <summary>
    /// Tracks until <paramref name="cancellationToken"/> fires or the client's event stream ends.
    /// A bad event or a failed rebuild is logged and tracking goes on. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("PresenceTracker.RunAsync may only be called once.");
        }

        _client.ConnectionChanged += OnConnectionChanged;
        string reason;
        try
        {
            await SubscribeAsync(cancellationToken).ConfigureAwait(false);
            if (_client.IsConnected)
            {
                _resync.Writer.TryWrite(true);
            }

            reason = await ConsumeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "the host is stopping";
        }
        catch (Exception e)
        {
            // Presence going stale must not take the call path down with it: callers see
            // IsSynchronized false and the rest of the controller keeps running.
            _logger.LogError(e, "Presence tracking failed");
            reason = $"it failed: {e.Message}";
        }
        finally
        {
            _client.ConnectionChanged -= OnConnectionChanged;
        }

        Presence.MarkOutOfSync();
        _logger.LogInformation("Presence tracking stopped: {Reason}", reason);
    }

    private async Task<string> ConsumeAsync(CancellationToken cancellationToken)
    {
        ChannelReader<EslEvent> events = _client.Events;
        Task<bool>? eventsReady = null;
        Task<bool>? resyncReady = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A pending resync goes before further events, so that events of a new connection
            // land on top of the rebuilt state and not under it.
            if (_resync.Reader.TryRead(out _))
            {
                await ResynchroniseAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (events.TryRead(out EslEvent? next))
            {
                Apply(next);
                continue;
            }

            eventsReady ??= events.WaitToReadAsync(cancellationToken).AsTask();
            resyncReady ??= _resync.Reader.WaitToReadAsync(cancellationToken).AsTask();
            Task<bool> ready = await Task.WhenAny(eventsReady, resyncReady).ConfigureAwait(false);
            bool more = await ready.ConfigureAwait(false);
            if (ready == eventsReady)
            {
                eventsReady = null;
                if (!more)
                {
                    return "the inbound client's event stream ended";
                }
            }
            else
            {
                resyncReady = null;
            }
        }
    }

    private async Task ResynchroniseAsync(CancellationToken cancellationToken)
    {
        // Everything queued so far arrived before this point. Applying it now, under the rebuild,
        // keeps an event from before a gap (a CHANNEL_CREATE whose hangup was lost) from being
        // replayed on top of the rebuilt state.
        ChannelReader<EslEvent> events = _client.Events;
        int queued = events.CanCount ? events.Count : 0;
        for (int i = 0; i < queued && events.TryRead(out EslEvent? earlier); i++)
        {
            Apply(earlier);
        }

        InboundConnectionChange? latest = Volatile.Read(ref _latestChange);
        // A connect is only usable once the client has announced it (it subscribes first).
        bool connected = latest?.IsConnected ?? _client.IsConnected;
        if (!connected)
        {
            if (Presence.IsSynchronized)
            {
                Presence.MarkOutOfSync();
                _logger.LogWarning("Presence may miss registrations and calls until the event socket is back; it will be rebuilt then");
            }

            return;
        }

        if (latest is not null && ReferenceEquals(latest, _rebuiltFor))
        {
            return;
        }

        // Again on every connect: a subscription made while the client was connecting can miss
        // that connection. Subscribing twice is harmless on the switch.
        await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ApiResponse registrations = await _client.ApiAsync(PresenceReconciler.RegistrationsCommand, null, cancellationToken).ConfigureAwait(false);
            ApiResponse channels = await _client.ApiAsync(PresenceReconciler.ChannelsCommand, null, cancellationToken).ConfigureAwait(false);
            PresenceReconciliation result = _reconciler.Reconcile(registrations, channels, Presence);
            int gone = await ForgetLegsThatHungUpAsync(cancellationToken).ConfigureAwait(false);
            if (gone > 0)
            {
                _logger.LogInformation("Presence: {Gone} agent leg(s) listed by the switch had already hung up; forgotten", gone);
            }

            _rebuiltFor = latest;
            _logger.LogInformation(
                "Presence rebuilt from the switch: {Registered} agents registered, {OnCall} on a call ({Legs} agent legs, {Other} other channels)",
                result.RegisteredAgents, result.AgentsOnCall, result.AgentLegs, result.OtherChannels);
            Raise(Reconciled, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Presence.MarkOutOfSync();
            if (_client.IsConnected)
            {
                _ = ResyncLaterAsync(cancellationToken);
                _logger.LogWarning("Could not rebuild presence from the switch ({Reason}); trying again in {Delay:0.#} s",
                    e.Message, _options.ReconcileRetryDelay.TotalSeconds);
            }
            else
            {
                _logger.LogInformation("Could not rebuild presence: the event socket went away ({Reason}); it will be rebuilt after the reconnect", e.Message);
            }
        }
    }

    private void Apply(EslEvent eslEvent)
    {
        using (eslEvent)
        {
            PresenceChange change;
            try
            {
                change = _handler.Apply(eslEvent, Presence);
            }
            catch (Exception e)
            {
                // One odd event must not end tracking; its name is enough to find it, its
                // headers may carry customer numbers.
                _logger.LogWarning(e, "Presence skipped a {EventName} event it could not read", eslEvent.EventName);
                return;
            }

            if (change.Kind == PresenceChangeKind.None)
            {
                return;
            }

            Log(change);
            Raise(Changed, change);
        }
    }

    private void Log(PresenceChange change)
    {
        switch (change.Kind)
        {
            case PresenceChangeKind.Registered when change.AvailabilityChanged:
                _logger.LogInformation("Agent {AgentId} registered", change.AgentId);
                break;
            case PresenceChangeKind.Unregistered or PresenceChangeKind.Expired when change.AvailabilityChanged:
                _logger.LogInformation("Agent {AgentId} is no longer registered ({How})", change.AgentId,
                    change.Kind == PresenceChangeKind.Expired ? "the registration expired" : "the phone unregistered");
                break;
            default:
                _logger.LogDebug("Agent {AgentId}: {Change} {Channel}", change.AgentId, change.Kind, change.ChannelUuid);
                break;
        }
    }

    private async Task ResyncLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.ReconcileRetryDelay, _time, cancellationToken).ConfigureAwait(false);
            _resync.Writer.TryWrite(true);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// <c>show channels</c> reads the core's channel table, which the switch updates a moment after a
    /// leg is gone: a leg that hung up just before the rebuild can still be listed, and no hangup event
    /// will come for it any more. Each listed agent leg is asked for by UUID; the gone are forgotten,
    /// or their agents would stay "on a call" for good.
    /// </summary>
    private async Task<int> ForgetLegsThatHungUpAsync(CancellationToken cancellationToken)
    {
        int gone = 0;
        foreach (AgentLeg leg in Presence.Snapshot().Agents.SelectMany(agent => agent.Legs).ToList())
        {
            if (!await _client.ChannelExistsAsync(leg.ChannelUuid, cancellationToken).ConfigureAwait(false) && Presence.LegEnded(leg.ChannelUuid) is not null)
            {
                gone++;
            }
        }

        return gone;
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Each is stored by the client even when sending it fails, and sent again on every connect.
            foreach ((string header, string value) in EventFilters(_options))
            {
                await _client.AddFilterAsync(header, value, cancellationToken).ConfigureAwait(false);
            }

            await _client.SubscribeAsync(EventSubscriptions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not subscribe to presence events ({Reason}); the subscription goes out again on the next connect", e.Message);
        }
    }

    private void OnConnectionChanged(object? sender, InboundConnectionChange change)
    {
        Volatile.Write(ref _latestChange, change);
        _resync.Writer.TryWrite(true);
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A presence listener failed");
        }
    }
}
