using System.Net;
using System.Net.Sockets;
using Xunit;

namespace IvrController.Integration.Sipp;

public sealed class UdpPortsTests
{
    [Fact]
    public void A_port_shows_as_bound_while_a_socket_holds_it_and_not_after()
    {
        int port;
        using (var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
            Assert.True(UdpPorts.IsBound(IPAddress.Loopback, port));
        }

        Assert.False(UdpPorts.IsBound(IPAddress.Loopback, port));
    }

    [Fact]
    public void Allocated_ports_are_free_with_room_for_sipps_media_ports()
    {
        int port = UdpPorts.Allocate(IPAddress.Loopback);

        Assert.All(Enumerable.Range(port, 8), p => Assert.True(UdpPorts.IsFree(IPAddress.Loopback, p)));
        Assert.NotEqual(port, UdpPorts.Allocate(IPAddress.Loopback));
    }
}
