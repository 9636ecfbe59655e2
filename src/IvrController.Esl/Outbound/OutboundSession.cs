using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using IvrController.Esl.Connection;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using Microsoft.Extensions.Logging;

namespace IvrController.Esl.Outbound;

/// <summary>
/// One call the switch handed over with <c>socket ... async full</c>. Applications run through
/// <see cref="ExecuteAsync"/> complete on the CHANNEL_EXECUTE_COMPLETE that carries our Event-UUID;
/// they fail when the call ends first. Other events of the call are in <see cref="Events"/>.
/// </summary>
public sealed class OutboundSession : IEslFrameHandler, IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PendingExecution> _executions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<EslEvent> _events;
    private readonly CancellationTokenSource _hungUp = new();
    private readonly TaskCompletionSource<DisconnectNotice> _disconnectNotice = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EslConnection? _connection;
    private ChannelData? _channelData;
    private string? _hangupCause;
    private int _hangupComplete;
    private long _droppedEvents;

    // Applications to go out ahead of the next execute, hangup or exit, in the same write.
    private readonly List<EslCommand> _ahead = [];

    internal OutboundSession(int eventQueueCapacity, ILogger logger)
    {
        ConnectedAt = Stopwatch.GetTimestamp();
        _logger = logger;
        _events = Channel.CreateBounded<EslEvent>(new BoundedChannelOptions(eventQueueCapacity) { SingleWriter = true });
    }

    /// <summary>When the switch's connection for this call was accepted, as a <see cref="Stopwatch"/> timestamp (for latency metrics).</summary>
    public long ConnectedAt { get; }

    /// <summary>The channel as the switch described it in reply to <c>connect</c>.</summary>
    public ChannelData ChannelData => _channelData ?? throw new InvalidOperationException("The session is not connected yet.");

    public string UniqueId => ChannelData.UniqueId;

    /// <summary>Fires when CHANNEL_HANGUP arrives for this call or the connection ends.</summary>
    public CancellationToken CallEnded => _hungUp.Token;

    public bool IsHungUp => _hungUp.IsCancellationRequested;

    public string? HangupCause => Volatile.Read(ref _hangupCause);

    /// <summary>
    /// Events of this call not consumed by an <see cref="ExecuteAsync"/>; readers own what they read. Unless the
    /// server keeps all call events (<see cref="OutboundServerOptions.AllCallEvents"/>) only the hang-up events
    /// and completions of applications run outside <see cref="ExecuteAsync"/> arrive here.
    /// </summary>
    public ChannelReader<EslEvent> Events => _events.Reader;

    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>The switch's disconnect notice, once it sent one (with <c>linger</c>, at hang-up).</summary>
    public Task<DisconnectNotice> DisconnectNoticeReceived => _disconnectNotice.Task;

    internal EslConnection Connection => _connection ?? throw new InvalidOperationException("The session has no connection yet.");

    internal void Attach(EslConnection connection)
    {
        _connection = connection;
        _ = connection.Closed.ContinueWith(
            closed => OnClosed(closed.Result),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// The event UUID of every application queued by <see cref="ExecuteWithNext"/>. The switch names it as the
    /// Application-UUID of that application's CHANNEL_EXECUTE_COMPLETE (≈ 7 KB, every channel variable), which
    /// nobody waits for, so <see cref="SessionEventFilters"/> keep those events on the switch.
    /// </summary>
    internal const string UnawaitedApplication = "ivr-unawaited";

    /// <summary>
    /// Event filters in mod_event_socket's terms (1.10.12): once a socket has filters, an event goes out only if a
    /// positive one matches it, and not if a negative one ("-value") does, checked in the order they were added. So:
    /// the session's own kinds (<see cref="EventNames.OutboundSessionOwn"/>; <c>myevents</c> subscribes
    /// <see cref="EventNames.MyEventsBeyondTheSession"/> too, each carrying every channel variable), except the
    /// completions of the applications queued without a waiter.
    /// </summary>
    internal static readonly IReadOnlyList<EslCommand> SessionEventFilters =
    [
        .. EventNames.OutboundSessionOwn.Select(name => EslCommand.Filter("Event-Name", name)),
        EslCommand.Filter("Application-UUID", "-" + UnawaitedApplication),
    ];

    /// <summary>
    /// <c>connect</c> and the subscriptions in one write: one round trip for the channel data (returned, also
    /// <see cref="ChannelData"/> from now on) and for <c>myevents</c>, then, unless <paramref name="allEvents"/>,
    /// the <see cref="SessionEventFilters"/> (which leave only the session's own events, so no <c>nixevent</c> is
    /// needed), and <c>linger</c> when asked. The subscriptions need a
    /// socket with full control: without it the switch refuses them, and this returns the channel data anyway (<see cref="ChannelData.IsFullControl"/> false) for
    /// the caller to refuse the call; with full control a refused subscription throws <see cref="EslCommandException"/>.
    /// </summary>
    public async Task<ChannelData> ConnectAndSubscribeAsync(bool allEvents, bool linger, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var commands = new List<EslCommand>(8) { EslCommand.Connect(), EslCommand.MyEvents() };
        if (!allEvents)
        {
            commands.AddRange(SessionEventFilters);
        }

        if (linger)
        {
            commands.Add(EslCommand.Linger());
        }

        EslFrame[] frames = await Connection.SendAllAsync(commands, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            _channelData = ChannelData.FromFrame(frames[0]);
            for (int i = 1; i < frames.Length && _channelData.IsFullControl; i++)
            {
                var reply = CommandReply.FromFrame(frames[i]);
                if (!reply.IsOk)
                {
                    throw new EslCommandException(commands[i].Description, reply.ReplyText);
                }
            }

            return _channelData;
        }
        finally
        {
            Array.ForEach(frames, frame => frame.Dispose());
        }
    }

    /// <summary>
    /// Queues <paramref name="application"/> to go to the switch with this session's next execute, hang-up or
    /// exit, in the same write and ahead of it: the two cost one round trip. The switch runs a call's applications
    /// in the order they arrive (event-lock), so it has run before the next one starts. Its reply is checked with
    /// the next command's (an <c>-ERR</c> fails that command); its completion is not awaited, its result not
    /// kept and its event not even sent (<see cref="SessionEventFilters"/>), so queue only what cannot fail
    /// on a live channel (setting variables, answering). One flow drives a session: queueing is not thread-safe.
    /// </summary>
    public void ExecuteWithNext(string application, string? argument = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(application);
        _ahead.Add(EslCommand.Execute(application, argument, UnawaitedApplication));
    }

    /// <summary>
    /// <see cref="SetVariablesAsync"/> queued as <see cref="ExecuteWithNext"/> queues: the variables are set, in
    /// order, ahead of the next execute, hang-up or exit, in the same write.
    /// </summary>
    public void SetVariablesWithNext(IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        foreach ((string application, string argument) in VariableApplications(variables))
        {
            ExecuteWithNext(application, argument);
        }
    }

    /// <summary>
    /// Runs a dialplan application on the call and waits until it completes. Throws
    /// <see cref="EslCommandException"/> if the switch refuses, <see cref="EslChannelHangupException"/>
    /// if the call ends first, <see cref="EslConnectionException"/> if the socket does.
    /// </summary>
    public async Task<ApplicationResult> ExecuteAsync(string application, string? argument = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(application);
        if (Volatile.Read(ref _hangupComplete) != 0 || IsHungUp)
        {
            throw new EslChannelHangupException(application, HangupCause);
        }

        string eventUuid = Guid.NewGuid().ToString();
        var execution = new PendingExecution(application);
        _executions[eventUuid] = execution;
        try
        {
            await SendWithQueuedAsync(EslCommand.Execute(application, argument, eventUuid), cancellationToken).ConfigureAwait(false);
            return await execution.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _executions.TryRemove(eventUuid, out _);
        }
    }

    public Task<ApplicationResult> SetVariableAsync(string name, string value, CancellationToken cancellationToken = default) =>
        ExecuteAsync("set", $"{ValidName(name)}={value}", cancellationToken);

    /// <summary>
    /// Sets several channel variables with one application (<c>multiset</c>): one round trip and one
    /// completion instead of one per variable. multiset splits its argument at spaces, or at the character
    /// named after <c>^^</c>; the first of <see cref="MultisetSeparators"/> that no pair contains is used,
    /// and with none free the variables are set one by one.
    /// </summary>
    public async Task SetVariablesAsync(IReadOnlyList<KeyValuePair<string, string>> variables, CancellationToken cancellationToken = default)
    {
        foreach ((string application, string argument) in VariableApplications(variables))
        {
            using ApplicationResult _ = await ExecuteAsync(application, argument, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The applications that set <paramref name="variables"/>: one multiset, or a set per variable.</summary>
    private static IEnumerable<(string Application, string Argument)> VariableApplications(IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string[] pairs = [.. variables.Select(v => $"{ValidName(v.Key)}={v.Value}")];
        char separator = default;
        foreach (char candidate in MultisetSeparators)
        {
            if (pairs.All(pair => !pair.Contains(candidate, StringComparison.Ordinal)))
            {
                separator = candidate;
                break;
            }
        }

        if (pairs.Length == 1 || separator == default)
        {
            return pairs.Select(pair => ("set", pair));
        }

        return [("multiset", separator == ' ' ? string.Join(' ', pairs) : $"^^{separator}{string.Join(separator, pairs)}")];
    }

    /// <summary>Separators multiset can split at, in order of preference.</summary>
    private static ReadOnlySpan<char> MultisetSeparators => " |~;#";

    public Task<ApplicationResult> UnsetVariableAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync("unset", ValidName(name), cancellationToken);

    public async Task<PlayAndGetDigitsResult> PlayAndGetDigitsAsync(PlayAndGetDigits request, CancellationToken cancellationToken = default)
    {
        using ApplicationResult completion = await ExecuteAsync("play_and_get_digits", request.ToArgument(), cancellationToken).ConfigureAwait(false);
        return PlayAndGetDigitsResult.From(completion, request.VariableName);
    }

    /// <summary>Hangs the call up now, even while an application (say, a bridge) is running.</summary>
    public Task HangupAsync(string cause = HangupCauses.NormalClearing, CancellationToken cancellationToken = default) =>
        SendWithQueuedAsync(EslCommand.Hangup(cause), cancellationToken);

    public async Task<ApiResponse> ApiAsync(string command, CancellationToken cancellationToken = default)
    {
        using EslFrame reply = await Connection.SendAsync(EslCommand.Api(command), null, cancellationToken).ConfigureAwait(false);
        return ApiResponse.FromFrame(reply);
    }

    /// <summary>Ends the socket session; the switch continues the dialplan after the <c>socket</c> app.</summary>
    public Task ExitAsync(CancellationToken cancellationToken = default) =>
        SendWithQueuedAsync(EslCommand.Exit(), cancellationToken);

    /// <summary><paramref name="command"/>, with the applications queued by <see cref="ExecuteWithNext"/> ahead of it in one write.</summary>
    private Task SendWithQueuedAsync(EslCommand command, CancellationToken cancellationToken)
    {
        if (_ahead.Count == 0)
        {
            return Connection.SendCommandAsync(command, null, cancellationToken);
        }

        EslCommand[] commands = [.. _ahead, command];
        _ahead.Clear();
        return Connection.SendCommandsAsync(commands, null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _events.Writer.TryComplete();
        // Events nobody read still hold pooled buffers: hand them back, or every call costs the pool a refill.
        while (_events.Reader.TryRead(out EslEvent? unread))
        {
            unread.Dispose();
        }

        _hungUp.Dispose();
    }

    void IEslFrameHandler.OnEvent(EslEvent eslEvent)
    {
        string name = eslEvent.EventName;
        if (name == EventNames.ChannelExecuteComplete
            && eslEvent.GetHeader(HeaderNames.ApplicationUuid) is { } applicationUuid
            && _executions.TryGetValue(applicationUuid, out PendingExecution? execution))
        {
            execution.TrySetResult(new ApplicationResult(eslEvent));
            return;
        }

        if (name == EventNames.ChannelHangup)
        {
            Volatile.Write(ref _hangupCause, eslEvent.GetHeader(HeaderNames.HangupCause));
            CancelQuietly();
        }
        else if (name == EventNames.ChannelHangupComplete)
        {
            Volatile.Write(ref _hangupCause, eslEvent.GetHeader(HeaderNames.HangupCause) ?? _hangupCause);
            Volatile.Write(ref _hangupComplete, 1);
            CancelQuietly();

            // Anything still queued behind event-lock will never run now.
            foreach (PendingExecution pending in _executions.Values)
            {
                pending.TrySetException(new EslChannelHangupException(pending.Application, HangupCause));
            }
        }

        if (!_events.Writer.TryWrite(eslEvent))
        {
            long dropped = Interlocked.Increment(ref _droppedEvents);
            if (dropped == 1 || dropped % 100 == 0)
            {
                _logger.LogWarning("Call events not read fast enough: dropped {Dropped} ({EventName} last)", dropped, name);
            }

            eslEvent.Dispose();
        }
    }

    void IEslFrameHandler.OnNotice(EslFrame frame)
    {
        using (frame)
        {
            if (frame.ContentType == ContentTypes.DisconnectNotice)
            {
                _disconnectNotice.TrySetResult(DisconnectNotice.FromFrame(frame));
            }
        }
    }

    private void OnClosed(EslConnectionException reason)
    {
        CancelQuietly();
        foreach (PendingExecution pending in _executions.Values)
        {
            pending.TrySetException(reason.ForCommand($"sendmsg {pending.Application}"));
        }

        _events.Writer.TryComplete();
        _disconnectNotice.TrySetCanceled();
    }

    private void CancelQuietly()
    {
        try
        {
            _hungUp.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session is already disposed: nobody is listening for the hang-up any more.
        }
        catch (AggregateException e)
        {
            _logger.LogError(e, "A CallEnded callback failed");
        }
    }

    private static string ValidName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.AsSpan().IndexOfAny("= \t\r\n") >= 0)
        {
            throw new ArgumentException($"'{name}' is not a channel variable name.", nameof(name));
        }

        return name;
    }

    /// <summary>Completed by the read loop, which runs the waiting flow on: see EslConnection's PendingReply.</summary>
    private sealed class PendingExecution(string application) : TaskCompletionSource<ApplicationResult>(TaskCreationOptions.None)
    {
        public string Application { get; } = application;
    }
}
