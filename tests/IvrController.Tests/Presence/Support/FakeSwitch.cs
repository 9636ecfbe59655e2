using System.Net;
using System.Net.Sockets;

namespace IvrController.Tests.Presence.Support;

/// <summary>Stands in for the switch's event socket: a TCP listener on 127.0.0.1 and a free port.</summary>
internal sealed class FakeSwitch : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeSwitch() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Takes the client's next connection and greets it as the switch does.</summary>
    public async Task<FakeSwitchConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        TcpClient client = await _listener.AcceptTcpClientAsync(cancellationToken);
        var connection = new FakeSwitchConnection(client);
        await connection.SendAsync("Content-Type: auth/request\n\n");
        return connection;
    }

    public void Dispose() => _listener.Dispose();
}
