using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using IvrController.Esl.Connection;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Retries;
using Microsoft.Extensions.Logging;

namespace IvrController.Esl.Inbound;

/// <summary>
/// The controller's connection to the switch's event socket (port 8021): <c>api</c>, <c>bgapi</c>
/// and event subscriptions. <see cref="RunAsync"/> keeps it connected, re-authenticating and
/// re-subscribing after every drop and reporting the gap. Events reach consumers through a
/// bounded queue: the reader never waits for a slow consumer (the switch kills listeners that
/// fall behind), it drops and counts instead.
/// </summary>
public sealed class InboundClient : IAsyncDisposable
{
    private readonly InboundClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<EslEvent> _events;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BackgroundJobResult>> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _subscriptionLock = new();
    // One entry per SubscribeAsync call, replayed as one command each: in an "event" command every
    // word after CUSTOM is a subclass name, so merging calls would turn later event names into subclasses.
    private readonly List<string[]> _subscribedEvents = [];
    private readonly List<KeyValuePair<string, string>> _filters = [];
    private Session? _session;
    private long _droppedEvents;

    public InboundClient(InboundClientOptions options, ILogger<InboundClient> logger, TimeProvider? time = null)
    {
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _events = Channel.CreateBounded<EslEvent>(new BoundedChannelOptions(options.EventQueueCapacity)
        {
            SingleReader = false,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Raised when the connection comes up or goes down (not on the read loop).</summary>
    public event EventHandler<InboundConnectionChange>? ConnectionChanged;

    /// <summary>Events not claimed by a <c>bgapi</c> waiter. Consumers own (and may dispose) what they read.</summary>
    public ChannelReader<EslEvent> Events => _events.Reader;

    /// <summary>Events dropped because <see cref="Events"/> was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    public bool IsConnected => _session?.Connection.IsOpen == true;

    /// <summary>
    /// Connects once: TCP, <c>auth</c>, then the subscriptions and filters asked for so far.
    /// Throws <see cref="EslAuthenticationException"/> when the switch refuses us.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (IsConnected)
        {
            return;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(_options.Host, _options.Port, connectTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new EslConnectionException($"no TCP connection to {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0.#} s");
                }
                catch (SocketException e)
                {
                    throw new EslConnectionException($"cannot reach {_options.Host}:{_options.Port}: {e.Message}", e);
                }
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var session = new Session(this, EslTransport.FromSocket(socket));
        try
        {
            await session.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
            await ApplySubscriptionsAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Session? previous = Interlocked.Exchange(ref _session, session);
        if (previous is not null)
        {
            await previous.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stays connected until <paramref name="cancellationToken"/> fires: reconnects with capped
    /// exponential backoff and reports each gap through <see cref="ConnectionChanged"/> and the log.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int failedAttempts = 0;
        DateTimeOffset? lostAt = null;
        string stopReason = "the host is stopping";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
                failedAttempts = 0;
                DateTimeOffset now = _time.GetUtcNow();
                TimeSpan? gap = lostAt is null ? null : now - lostAt.Value;
                if (gap is { } missed)
                {
                    _logger.LogWarning("Reconnected to the switch at {Host}:{Port}; events of the last {Gap:0.0} s were not received",
                        _options.Host, _options.Port, missed.TotalSeconds);
                }
                else
                {
                    _logger.LogInformation("Connected to the switch's event socket at {Host}:{Port}", _options.Host, _options.Port);
                }

                Raise(new InboundConnectionChange(true, gap is null ? "connected" : "reconnected", gap, now));
                lostAt = null;

                EslConnectionException reason = await _session!.Connection.Closed.WaitAsync(cancellationToken).ConfigureAwait(false);
                lostAt = _time.GetUtcNow();
                _logger.LogWarning("Lost the event socket connection to {Host}:{Port}: {Reason}", _options.Host, _options.Port, reason.Reason);
                Raise(new InboundConnectionChange(false, reason.Reason, null, lostAt.Value));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is EslConnectionException or EslAuthenticationException or EslCommandException or TimeoutException)
            {
                lostAt ??= _time.GetUtcNow();
                TimeSpan retryIn = ReconnectDelay(failedAttempts++);
                LogLevel level = e is EslAuthenticationException ? LogLevel.Error : LogLevel.Warning;
                _logger.Log(level, "Cannot use the event socket at {Host}:{Port} ({Reason}); attempt {Attempt}, retrying in {Delay:0.0} s",
                    _options.Host, _options.Port, e.Message, failedAttempts, retryIn.TotalSeconds);
                try
                {
                    await Task.Delay(retryIn, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        _logger.LogInformation("Inbound event socket client stopped: {Reason}", stopReason);
        Session? last = Interlocked.Exchange(ref _session, null);
        if (last is not null)
        {
            await last.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs an <c>api</c> command. Slow commands block the switch's event delivery to us: prefer <see cref="BackgroundApiAsync"/>.</summary>
    public async Task<ApiResponse> ApiAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using EslFrame reply = await CurrentConnection().SendAsync(EslCommand.Api(command), timeout, cancellationToken).ConfigureAwait(false);
        return ApiResponse.FromFrame(reply);
    }

    /// <summary>Whether the switch still has a channel with this UUID (<c>uuid_exists</c>); any other answer throws <see cref="EslCommandException"/>.</summary>
    public async Task<bool> ChannelExistsAsync(string uuid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        ApiResponse exists = await ApiAsync($"uuid_exists {uuid}", null, cancellationToken).ConfigureAwait(false);
        return exists.Body.Trim() switch
        {
            "true" => true,
            "false" => false,
            string other => throw new EslCommandException($"uuid_exists answered '{other}'."),
        };
    }

    /// <summary>
    /// Runs a <c>bgapi</c> command under our own Job-UUID; the waiter for its BACKGROUND_JOB is in
    /// place before the command is written, so a fast job cannot be missed.
    /// </summary>
    public async Task<BackgroundJobResult> BackgroundApiAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        string jobUuid = Guid.NewGuid().ToString();
        var job = new TaskCompletionSource<BackgroundJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs[jobUuid] = job;
        try
        {
            EslConnection connection = CurrentConnection();
            CommandReply reply = await connection.SendCommandAsync(EslCommand.BackgroundApi(command, jobUuid), null, cancellationToken).ConfigureAwait(false);
            if (reply.JobUuid is { } echoed && !string.Equals(echoed, jobUuid, StringComparison.OrdinalIgnoreCase))
            {
                throw new EslCommandException($"The switch accepted bgapi under Job-UUID {echoed}, not the {jobUuid} we asked for.");
            }

            TimeSpan limit = timeout ?? _options.BackgroundJobTimeout;
            try
            {
                return await job.Task.WaitAsync(limit, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"bgapi job {jobUuid} did not finish within {limit.TotalSeconds:0.#} s.");
            }
        }
        finally
        {
            _jobs.TryRemove(jobUuid, out _);
        }
    }

    /// <summary>Sends any command (e.g. <c>noevents</c>) and returns its reply; <c>-ERR</c> throws <see cref="EslCommandException"/>.</summary>
    public Task<CommandReply> SendCommandAsync(EslCommand command, CancellationToken cancellationToken = default) =>
        CurrentConnection().SendCommandAsync(command, null, cancellationToken);

    /// <summary>Subscribes to events (now, and again after every reconnect).</summary>
    public async Task SubscribeAsync(IEnumerable<string> eventNames, CancellationToken cancellationToken = default)
    {
        string[] names = eventNames.ToArray();
        lock (_subscriptionLock)
        {
            if (!_subscribedEvents.Any(existing => existing.SequenceEqual(names, StringComparer.Ordinal)))
            {
                _subscribedEvents.Add(names);
            }
        }

        if (_session is { } session && session.Connection.IsOpen)
        {
            await session.Connection.SendCommandAsync(EslCommand.Events(_options.EventFormat, names), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds an event filter (now, and again after every reconnect; the same one twice is kept once).</summary>
    public async Task AddFilterAsync(string header, string value, CancellationToken cancellationToken = default)
    {
        lock (_subscriptionLock)
        {
            if (!_filters.Contains(new(header, value)))
            {
                _filters.Add(new(header, value));
            }
        }

        if (_session is { } session && session.Connection.IsOpen)
        {
            await session.Connection.SendCommandAsync(EslCommand.Filter(header, value), null, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Session? session = Interlocked.Exchange(ref _session, null);
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _events.Writer.TryComplete();
    }

    private async Task ApplySubscriptionsAsync(Session session, CancellationToken cancellationToken)
    {
        string[][] subscriptions;
        KeyValuePair<string, string>[] filters;
        lock (_subscriptionLock)
        {
            subscriptions = [.. _subscribedEvents];
            filters = [.. _filters];
        }

        foreach (string[] events in subscriptions.Where(e => e.Length > 0))
        {
            await session.Connection.SendCommandAsync(EslCommand.Events(_options.EventFormat, events), null, cancellationToken).ConfigureAwait(false);
        }

        foreach ((string header, string value) in filters)
        {
            await session.Connection.SendCommandAsync(EslCommand.Filter(header, value), null, cancellationToken).ConfigureAwait(false);
        }
    }

    private EslConnection CurrentConnection() => _session is { } session && session.Connection.IsOpen
        ? session.Connection
        : throw new EslConnectionException($"not connected to the switch's event socket at {_options.Host}:{_options.Port}");

    private TimeSpan ReconnectDelay(int failedAttempts) => ReconnectBackoff(failedAttempts, _options, Random.Shared.NextDouble());

    /// <summary>
    /// The wait before attempt <paramref name="failedAttempts"/> + 1: doubling from the initial delay up
    /// to the cap, less up to 20% jitter (<paramref name="jitter"/> in [0, 1)) so that a fleet of
    /// controllers does not reconnect in lock step after a switch restart.
    /// </summary>
    internal static TimeSpan ReconnectBackoff(int failedAttempts, InboundClientOptions options, double jitter) =>
        new CappedBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay).Delay(failedAttempts, jitter);

    private void Raise(InboundConnectionChange change)
    {
        try
        {
            ConnectionChanged?.Invoke(this, change);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A ConnectionChanged handler failed");
        }
    }

    private void OnEvent(EslEvent eslEvent)
    {
        if (eslEvent.EventName == EventNames.BackgroundJob
            && eslEvent.GetHeader(HeaderNames.JobUuid) is { } jobUuid
            && _jobs.TryRemove(jobUuid, out TaskCompletionSource<BackgroundJobResult>? job))
        {
            job.TrySetResult(BackgroundJobResult.FromEvent(eslEvent));
            eslEvent.Dispose();
            return;
        }

        if (!_events.Writer.TryWrite(eslEvent))
        {
            long dropped = Interlocked.Increment(ref _droppedEvents);
            if (dropped == 1 || dropped % 1000 == 0)
            {
                _logger.LogWarning("Event queue full ({Capacity}): dropped {Dropped} events so far; consumers are too slow",
                    _options.EventQueueCapacity, dropped);
            }

            eslEvent.Dispose();
        }
    }

    private void FailJobs(EslConnectionException reason)
    {
        foreach (string jobUuid in _jobs.Keys)
        {
            if (_jobs.TryRemove(jobUuid, out TaskCompletionSource<BackgroundJobResult>? job))
            {
                job.TrySetException(reason.ForCommand($"bgapi job {jobUuid}"));
            }
        }
    }

    /// <summary>One TCP connection's worth of state: replaced on every reconnect.</summary>
    private sealed class Session : IEslFrameHandler, IAsyncDisposable
    {
        private readonly InboundClient _client;
        private readonly TaskCompletionSource<EslFrame> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _readLoop;

        public Session(InboundClient client, EslTransport transport)
        {
            _client = client;
            var options = new EslConnectionOptions { CommandTimeout = client._options.CommandTimeout, Limits = client._options.Limits };
            Connection = new EslConnection(transport, this, options, client._logger, client._time, transport);
            _readLoop = Connection.RunAsync(_stop.Token);
            _ = Connection.Closed.ContinueWith(
                closed => client.FailJobs(closed.Result),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public EslConnection Connection { get; }

        public async Task AuthenticateAsync(CancellationToken cancellationToken)
        {
            InboundClientOptions options = _client._options;
            Task closed = Connection.Closed;
            Task<EslFrame> greeting = _greeting.Task;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.CommandTimeout);
            await Task.WhenAny(greeting, closed).WaitAsync(timeout.Token).ConfigureAwait(false);

            // A rejection is followed at once by the close: when both are in, the greeting says why.
            if (!greeting.IsCompleted)
            {
                throw new EslConnectionException($"the switch closed the connection before asking for a password: {Connection.Closed.Result.Reason}");
            }

            using (EslFrame request = greeting.Result)
            {
                if (request.ContentType == ContentTypes.RudeRejection)
                {
                    throw new EslAuthenticationException(
                        $"The switch's event socket ACL refused this host ({request.BodyText.Trim()}). Add the controller's address to apply-inbound-acl in event_socket.conf.xml.");
                }
            }

            using EslFrame replyFrame = await Connection.SendAsync(EslCommand.Auth(options.Password), null, cancellationToken).ConfigureAwait(false);
            var reply = CommandReply.FromFrame(replyFrame);
            if (!reply.IsOk)
            {
                throw new EslAuthenticationException(
                    $"The switch at {options.Host}:{options.Port} refused the event socket password ({reply.ReplyText}). Check Esl:Password against event_socket.conf.xml.");
            }
        }

        public void OnEvent(EslEvent eslEvent) => _client.OnEvent(eslEvent);

        public void OnNotice(EslFrame frame)
        {
            if (frame.ContentType is ContentTypes.AuthRequest or ContentTypes.RudeRejection && _greeting.TrySetResult(frame))
            {
                return;
            }

            if (frame.ContentType == ContentTypes.DisconnectNotice)
            {
                _client._logger.LogInformation("The switch announced it is closing the event socket: {Notice}", frame.BodyText.Trim());
            }

            frame.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
            await _readLoop.ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
