using System.Net;
using System.Net.Sockets;
using IvrController.Integration.Media;

namespace IvrController.Integration.SelfCheck;

/// <summary>A UDP port that collects the RTP a phone sends to it, standing in for the switch's media port.</summary>
public sealed class RtpSink : IAsyncDisposable
{
    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly List<RtpPacket> _packets = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _eventEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RtpSink(IPAddress address)
    {
        _socket = new UdpClient(new IPEndPoint(address, 0));
        Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
        _receiving = ReceiveAsync();
    }

    public int Port { get; }

    public IReadOnlyList<RtpPacket> Packets
    {
        get
        {
            lock (_lock)
            {
                return [.. _packets];
            }
        }
    }

    /// <summary>Completes when a telephone-event packet with the end bit has arrived.</summary>
    public Task EventEnded => _eventEnded.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // Closing the socket ends the receive loop.
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram = await _socket.ReceiveAsync(_stop.Token);
            RtpPacket packet;
            try
            {
                packet = RtpPacket.Decode(datagram.Buffer);
            }
            catch (FormatException)
            {
                continue;
            }

            lock (_lock)
            {
                _packets.Add(packet);
            }

            if (packet.PayloadType == DtmfTrack.TelephoneEventType && TelephoneEvent.Decode(packet.Payload).End)
            {
                _eventEnded.TrySetResult();
            }
        }
    }
}
