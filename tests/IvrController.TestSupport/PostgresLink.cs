using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IvrController.TestSupport;

/// <summary>
/// A TCP relay between the tests and the real PostgreSQL that a test can cut (every connection
/// reset, new ones refused with a reset), hang (connections accepted and never answered), stall
/// (nothing answered, on any connection) and restore: a database outage without stopping the shared server.
/// </summary>
public sealed class PostgresLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, bool> _sockets = new();
    private readonly ConcurrentDictionary<Socket, bool> _hung = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile LinkState _state;

    private PostgresLink(string connectionString, LinkState state)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _targetHost = target.Host ?? "127.0.0.1";
        _targetPort = target.Port;
        _state = state;
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
            // Longer than any test waits: a hung write must be ended by the journal's own deadline.
            Timeout = 60,
        }.ConnectionString;
        _accepting = AcceptAsync();
    }

    private enum LinkState
    {
        Up,
        Cut,
        Hung,
        Stalled,
    }

    /// <summary>The connection string that goes through the link.</summary>
    public string ConnectionString { get; }

    public static PostgresLink Up(string connectionString) => new(connectionString, LinkState.Up);

    public static PostgresLink Down(string connectionString) => new(connectionString, LinkState.Cut);

    /// <summary>Resets every connection through the link; new ones are reset as soon as they arrive.</summary>
    public void Cut()
    {
        _state = LinkState.Cut;
        ResetAll();
    }

    /// <summary>New connections are accepted and then never answered.</summary>
    public void Hang() => _state = LinkState.Hung;

    /// <summary>
    /// The database stops answering, as a server that froze: nothing sent on a connection already through the link
    /// is passed on any more (the connection is then held like a hung one), and new connections hang.
    /// </summary>
    public void Stall() => _state = LinkState.Stalled;

    /// <summary>
    /// New connections reach the database again; hung ones are reset. Connections relayed since the
    /// last cut are left alone, so restoring twice is no second outage.
    /// </summary>
    public void Restore()
    {
        _state = LinkState.Up;
        foreach (Socket socket in _hung.Keys)
        {
            Reset(socket);
        }

        Interlocked.Exchange(ref _restored, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        ResetAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            switch (_state)
            {
                case LinkState.Cut:
                    Reset(client);
                    break;
                case LinkState.Hung or LinkState.Stalled:
                    _sockets[client] = true;
                    _hung[client] = true;
                    break;
                default:
                    _ = RelayAsync(client);
                    break;
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        // No Nagle: the relay must not add latency to PostgreSQL's small request/reply messages.
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _sockets[client] = true;
        _sockets[server] = true;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            await Task.WhenAny(PassOnAsync(client, server, client, server), PassOnAsync(server, client, client, server));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    /// <summary>What arrives on <paramref name="from"/> goes to <paramref name="to"/>, unless the link is stalled.</summary>
    private async Task PassOnAsync(Socket from, Socket to, Socket client, Socket server)
    {
        byte[] buffer = new byte[16 * 1024];
        while (true)
        {
            int read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return;
            }

            if (_state == LinkState.Stalled)
            {
                // Held until Restore resets the pair: what a frozen server does with a request.
                Task restored = Volatile.Read(ref _restored).Task;
                _hung[client] = true;
                _hung[server] = true;
                await restored.WaitAsync(_stop.Token);
            }

            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
    }

    private void ResetAll()
    {
        foreach (Socket socket in _sockets.Keys)
        {
            Reset(socket);
        }
    }

    private void Reset(Socket socket)
    {
        _sockets.TryRemove(socket, out _);
        _hung.TryRemove(socket, out _);
        try
        {
            // Linger 0 sends RST: the client sees "connection reset", as when a server dies.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
