using System.Net;
using System.Net.Sockets;

namespace IvrController.Esl.Tests.Support;

/// <summary>A TCP listener on 127.0.0.1 and a free port, standing in for the switch's port 8021.</summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener;

    private LoopbackListener()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static LoopbackListener Start() => new();

    public async Task<ScriptedSwitch> AcceptAsync(CancellationToken cancellationToken)
    {
        TcpClient client = await _listener.AcceptTcpClientAsync(cancellationToken);
        return new ScriptedSwitch(client.GetStream());
    }

    public void Dispose() => _listener.Dispose();
}
