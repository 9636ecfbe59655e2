using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IvrController.TestSupport;

/// <summary>
/// A TCP relay between the tests and the real PostgreSQL that a test can cut (every connection
/// reset, new ones refused with a reset), hang (connections accepted and never answered) and
/// restore: a database outage without stopping the shared server.
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
                case LinkState.Hung:
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
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var serverStream = new NetworkStream(server, ownsSocket: false);
            await Task.WhenAny(clientStream.CopyToAsync(serverStream, _stop.Token), serverStream.CopyToAsync(clientStream, _stop.Token));
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
