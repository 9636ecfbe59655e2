using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// The controller's road to PostgreSQL: a TCP relay on loopback that the suite can cut, so that a
/// database outage can be played to the controller alone while the rest of the test run keeps its
/// server. Cut, it closes every open connection and refuses new ones, as a stopped server does.
/// </summary>
public sealed class DatabaseLink : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Server)> _pipes = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    private DatabaseLink(IPEndPoint server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string through the link.</summary>
    public string ConnectionString { get; private set; } = "";

    public static DatabaseLink Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new IPEndPoint(IPAddress.Parse(builder.Host == "localhost" ? "127.0.0.1" : builder.Host!), builder.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var link = new DatabaseLink(server, port);
        builder.Host = "127.0.0.1";
        builder.Port = port;
        link.ConnectionString = builder.ConnectionString;
        link.Restore();
        return link;
    }

    /// <summary>Cuts the link: open connections are reset and new ones refused.</summary>
    public async Task CutAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        _listener = null;
        await _accepting;
        foreach (Guid id in _pipes.Keys)
        {
            // Whoever removes a pipe closes it: the relay's own clean-up may be closing it right now.
            if (_pipes.TryRemove(id, out (TcpClient Client, TcpClient Server) pipe))
            {
                Reset(pipe.Client);
                pipe.Server.Dispose();
            }
        }
    }

    /// <summary>Opens the link again on the same port (nothing happens when it is open).</summary>
    public Task RestoreAsync()
    {
        if (_listener is null)
        {
            Restore();
        }

        return Task.CompletedTask;
    }

    private void Restore()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    public async ValueTask DisposeAsync() => await CutAsync();

    /// <summary>Closes with a reset, as a server that went away leaves its clients.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // Already closed.
        }

        client.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_server, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            var id = Guid.NewGuid();
            _pipes[id] = (client, server);
            _ = PipeAsync(id, client, server);
        }
    }

    private async Task PipeAsync(Guid id, TcpClient client, TcpClient server)
    {
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            Task up = client.GetStream().CopyToAsync(server.GetStream(), both.Token);
            Task down = server.GetStream().CopyToAsync(client.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // One side went away: the other goes too.
        }
        finally
        {
            if (_pipes.TryRemove(id, out _))
            {
                client.Dispose();
                server.Dispose();
            }
        }
    }
}
