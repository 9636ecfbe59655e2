using System.Net;
using System.Net.Sockets;

namespace IvrController.Integration.Sipp;

/// <summary>UDP ports for the suite's phones: found free, and watched until sipp has bound them.</summary>
public static class UdpPorts
{
    // Phones of concurrent test classes must not pick the same ports; the switch's RTP range
    // (16384-16583) and SIP ports (5060, 5080, 5090) are below this range.
    private static int _next = 21000 + (Random.Shared.Next(0, 1000) * Block);

    // A phone takes a block: SIP on the first port, media two above it; sipp binds the media port
    // for audio and the media port + 2 for video.
    private const int Block = 8;

    /// <summary>A free SIP port, with the ports above it that sipp binds for media free too.</summary>
    public static int Allocate(IPAddress address)
    {
        for (int attempt = 0; attempt < 500; attempt++)
        {
            int port = Interlocked.Add(ref _next, Block);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 21000);
                continue;
            }

            if (Enumerable.Range(port, Block).All(p => IsFree(address, p)))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no {Block} free UDP ports in a row on {address}");
    }

    public static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }

    /// <summary>
    /// Completes once something holds <paramref name="port"/>: a UAS must listen before the switch
    /// sends it a call. There is no event to await for another process's bind, so this looks at
    /// the kernel's socket table every 50 ms (a bind probe could take the port from sipp).
    /// </summary>
    public static async Task WaitUntilBoundAsync(IPAddress address, int port, Func<bool> gaveUp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!IsBound(address, port))
        {
            if (gaveUp())
            {
                throw new InvalidOperationException($"sipp exited before it listened on {address}:{port}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"sipp did not listen on {address}:{port} within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Whether a UDP socket is bound to the port on that address (or on any address).</summary>
    public static bool IsBound(IPAddress address, int port)
    {
        string table = address.AddressFamily == AddressFamily.InterNetworkV6 ? "/proc/net/udp6" : "/proc/net/udp";
        if (!File.Exists(table))
        {
            return !IsFree(address, port);
        }

        // Lines read "  12: 0100007F:13C6 00000000:0000 07 …": the local address in hex, as the kernel
        // stores it (IPv4 in host byte order on little-endian machines), then the port.
        byte[] wanted = address.GetAddressBytes();
        foreach (string line in File.ReadLines(table).Skip(1))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[1].Split(':') is not [var host, var hexPort]
                || int.Parse(hexPort, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) != port)
            {
                continue;
            }

            byte[] bound = Convert.FromHexString(host);
            for (int i = 0; i + 4 <= bound.Length; i += 4)
            {
                Array.Reverse(bound, i, 4);
            }

            if (bound.All(b => b == 0) || bound.AsSpan().SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }
}
