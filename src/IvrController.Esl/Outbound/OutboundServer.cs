using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IvrController.Esl.Connection;
using Microsoft.Extensions.Logging;

namespace IvrController.Esl.Outbound;

/// <summary>
/// Accepts the connections the switch's <c>socket</c> application opens, one per call, and hands
/// each ready session (connected, <c>myevents</c>, <c>linger</c>) to the call handler. Sessions
/// that are not <c>async full</c> are refused: without full control the switch rejects the
/// commands a call flow needs, so failing loudly at the start beats failing mid-call.
/// </summary>
public sealed class OutboundServer : IAsyncDisposable
{
    private readonly OutboundServerOptions _options;
    private readonly Func<OutboundSession, CancellationToken, Task> _handleCall;
    private readonly ILogger _logger;
    private readonly ILogger _sessionLogger;
    private readonly TimeProvider _time;
    private readonly (IPAddress[] Addresses, IPNetwork[] Networks) _allowed;
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly CancellationTokenSource _cancelCalls = new();
    private Socket? _listener;
    private IPEndPoint? _boundEndPoint;
    private Task? _acceptLoop;
    private CancellationTokenSource? _stopAccepting;
    private long _nextSessionId;

    public OutboundServer(
        OutboundServerOptions options,
        Func<OutboundSession, CancellationToken, Task> handleCall,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null)
    {
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _handleCall = handleCall;
        _logger = loggerFactory.CreateLogger<OutboundServer>();
        _sessionLogger = loggerFactory.CreateLogger<OutboundSession>();
        _time = time ?? TimeProvider.System;
        _allowed = (
            options.AllowedPeers.Where(p => IPAddress.TryParse(p, out _)).Select(IPAddress.Parse).ToArray(),
            options.AllowedPeers.Where(p => !IPAddress.TryParse(p, out _)).Select(p => IPNetwork.Parse(p)).ToArray());
    }

    /// <summary>The bound address (useful with port 0).</summary>
    public IPEndPoint LocalEndPoint => _boundEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public int ActiveSessions => _sessions.Count;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(_options.ListenAddress), _options.Port);
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endPoint);
            listener.Listen(512);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new InvalidOperationException($"Cannot listen for the switch on {endPoint}: {e.Message}", e);
        }

        _listener = listener;
        _boundEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _stopAccepting = new CancellationTokenSource();
        _acceptLoop = AcceptLoopAsync(_stopAccepting.Token);
        _logger.LogInformation("Waiting for calls from the switch on {EndPoint} (dialplan: socket {EndPoint} async full)", LocalEndPoint, LocalEndPoint);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops taking new calls, lets live calls run for up to DrainTimeout (or until
    /// <paramref name="cancellationToken"/> fires), then cancels their handlers and closes them.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopAccepting is null)
        {
            return;
        }

        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        int live = _sessions.Count;
        if (live > 0)
        {
            _logger.LogInformation("Draining {Count} live call session(s) for up to {Seconds:0} s", live, _options.DrainTimeout.TotalSeconds);
            try
            {
                await Task.WhenAll(_sessions.Values).WaitAsync(_options.DrainTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                _logger.LogWarning("{Count} call session(s) still live after the drain: cancelling their handlers", _sessions.Count);
            }
        }

        await _cancelCalls.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sessions.Values).ConfigureAwait(false);
        _logger.LogInformation("Outbound socket server stopped ({Count} session(s) were live at shutdown)", live);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopAccepting?.Dispose();
        _cancelCalls.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        string stopReason = "the server is stopping";
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                // A connection reset before accept completes concerns that caller only.
                _logger.LogWarning("Accepting a connection from the switch failed: {Message}", e.Message);
                continue;
            }

            if (!IsAllowed(socket.RemoteEndPoint))
            {
                _logger.LogWarning("Refused a socket session from {Peer}: not in Outbound:AllowedPeers", socket.RemoteEndPoint);
                socket.Dispose();
                continue;
            }

            // The session starts on this thread (up to its first wait, the reply to connect): handing it to the
            // pool would cost a thread wake-up per call. Its entry is there before it can end; a session that
            // ended first has removed the placeholder, and the update then finds nothing to replace.
            long id = Interlocked.Increment(ref _nextSessionId);
            _sessions[id] = Task.CompletedTask;
            Task session = RunSessionAsync(id, socket);
            _sessions.TryUpdate(id, session, Task.CompletedTask);
        }

        _logger.LogInformation("Stopped accepting calls on {EndPoint}: {Reason}", _boundEndPoint, stopReason);
    }

    private bool IsAllowed(EndPoint? remote)
    {
        if (_allowed.Addresses.Length == 0 && _allowed.Networks.Length == 0)
        {
            return true;
        }

        if (remote is not IPEndPoint ip)
        {
            return false;
        }

        IPAddress address = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
        return _allowed.Addresses.Contains(address) || _allowed.Networks.Any(n => n.Contains(address));
    }

    private async Task RunSessionAsync(long id, Socket socket)
    {
        var session = new OutboundSession(_options.SessionEventQueueCapacity, _sessionLogger);
        var transport = EslTransport.FromSocket(socket);
        var connectionOptions = new EslConnectionOptions { CommandTimeout = _options.CommandTimeout, Limits = _options.Limits };
        var connection = new EslConnection(transport, session, connectionOptions, _sessionLogger, _time, transport);
        session.Attach(connection);
        Task readLoop = connection.RunAsync(CancellationToken.None);
        try
        {
            if (await PrepareAsync(session).ConfigureAwait(false))
            {
                using var callToken = CancellationTokenSource.CreateLinkedTokenSource(_cancelCalls.Token);
                await _handleCall(session, callToken.Token).ConfigureAwait(false);
                await ExitQuietlyAsync(session).ConfigureAwait(false);
            }
        }
        catch (EslChannelHangupException e)
        {
            _sessionLogger.LogInformation("Call {Uuid} ended during the flow: {Message}", SafeUuid(session), e.Message);
        }
        catch (EslConnectionException e)
        {
            _sessionLogger.LogWarning("Call {Uuid}: socket session ended: {Reason}", SafeUuid(session), e.Reason);
        }
        catch (OperationCanceledException) when (_cancelCalls.IsCancellationRequested)
        {
            _sessionLogger.LogWarning("Call {Uuid}: handler cancelled by shutdown; the switch continues the dialplan", SafeUuid(session));
        }
        catch (Exception e)
        {
            _sessionLogger.LogError(e, "Call {Uuid}: the call handler failed", SafeUuid(session));
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
            await readLoop.ConfigureAwait(false);
            _sessions.TryRemove(id, out _);
        }
    }

    private async Task<bool> PrepareAsync(OutboundSession session)
    {
        // connect and the subscriptions go in one write; without full control the switch refuses the latter.
        var data = await session.ConnectAndSubscribeAsync(_options.AllCallEvents, _options.Linger, _options.ConnectTimeout).ConfigureAwait(false);
        if (!data.IsFullControl)
        {
            _logger.LogError(
                "Refused call {Uuid}: the dialplan handed it over without full control (Control: {Control}, Socket-Mode: {Mode}); use 'socket <controller> async full'",
                data.UniqueId, data.Control ?? "(none)", data.SocketMode ?? "(none)");
            return false;
        }

        if (!data.IsAsync)
        {
            _logger.LogWarning("Call {Uuid} was handed over without 'async': the switch's media thread waits on every command", data.UniqueId);
        }

        return true;
    }

    private static async Task ExitQuietlyAsync(OutboundSession session)
    {
        if (!session.Connection.IsOpen)
        {
            return;
        }

        try
        {
            await session.ExitAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EslConnectionException or EslCommandException or TimeoutException)
        {
            // The switch may already have closed the socket after hang-up; nothing is left to say.
        }
    }

    private static string SafeUuid(OutboundSession session)
    {
        try
        {
            return session.UniqueId;
        }
        catch (InvalidOperationException)
        {
            return "(before connect)";
        }
    }
}
