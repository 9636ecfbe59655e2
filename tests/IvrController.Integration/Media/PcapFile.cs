using System.Buffers.Binary;
using System.Net;

namespace IvrController.Integration.Media;

/// <summary>
/// Classic pcap files (little-endian, microsecond timestamps) of Ethernet/IPv4/UDP datagrams: what
/// sipp's <c>play_pcap_audio</c> replays. sipp keeps only the UDP part and the timing, and rewrites
/// the ports to the call's media ports, so the addresses here are documentation addresses.
/// </summary>
public static class PcapFile
{
    public const uint Magic = 0xA1B2C3D4;
    public const uint LinkTypeEthernet = 1;

    private const int GlobalHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;
    private const int UdpLength = 8;
    private static readonly IPAddress Source = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Destination = IPAddress.Parse("192.0.2.2");

    // Any fixed instant keeps the generated file byte-for-byte reproducible.
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IEnumerable<CapturedPacket> packets)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[GlobalHeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeEthernet);
        stream.Write(header);

        ushort ipId = 1;
        Span<byte> record = stackalloc byte[RecordHeaderLength];
        foreach (CapturedPacket packet in packets)
        {
            byte[] frame = Frame(packet, ipId++);
            long micros = (Epoch.ToUnixTimeSeconds() * 1_000_000) + (packet.At.Ticks / 10);
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    /// <summary>Reads back what <see cref="Write"/> writes (and any Ethernet/IPv4/UDP capture in that format).</summary>
    public static IReadOnlyList<CapturedPacket> Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < GlobalHeaderLength || BinaryPrimitives.ReadUInt32LittleEndian(file) != Magic)
        {
            throw new FormatException("not a little-endian microsecond pcap file");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(file[20..]) != LinkTypeEthernet)
        {
            throw new FormatException("only Ethernet captures are read here");
        }

        var packets = new List<CapturedPacket>();
        long? first = null;
        int offset = GlobalHeaderLength;
        while (offset < file.Length)
        {
            if (file.Length - offset < RecordHeaderLength)
            {
                throw new FormatException($"a record header is cut off at byte {offset}");
            }

            ReadOnlySpan<byte> record = file[offset..];
            long micros = (BinaryPrimitives.ReadUInt32LittleEndian(record) * 1_000_000L) + BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
            int included = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[8..]);
            int original = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
            if (included != original)
            {
                throw new FormatException($"record at byte {offset} is truncated ({included} of {original} bytes): sipp refuses those");
            }

            if (record.Length - RecordHeaderLength < included)
            {
                throw new FormatException($"record at byte {offset} runs past the end of the file");
            }

            first ??= micros;
            packets.Add(Datagram(record.Slice(RecordHeaderLength, included), TimeSpan.FromTicks((micros - first.Value) * 10)));
            offset += RecordHeaderLength + included;
        }

        return packets;
    }

    private static byte[] Frame(CapturedPacket packet, ushort ipId)
    {
        int udpLength = UdpLength + packet.Payload.Length;
        byte[] frame = new byte[EthernetLength + Ipv4Length + udpLength];
        Span<byte> ethernet = frame.AsSpan(0, EthernetLength);
        // Locally administered MAC addresses: 02:00:00:00:00:02 <- 02:00:00:00:00:01.
        ethernet[0] = 0x02;
        ethernet[5] = 0x02;
        ethernet[6] = 0x02;
        ethernet[11] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(ethernet[12..], 0x0800);

        Span<byte> ip = frame.AsSpan(EthernetLength, Ipv4Length);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4Length + udpLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], ipId);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = 17;
        Source.TryWriteBytes(ip[12..16], out _);
        Destination.TryWriteBytes(ip[16..20], out _);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip, 0));

        Span<byte> udp = frame.AsSpan(EthernetLength + Ipv4Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, packet.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], packet.DestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        packet.Payload.CopyTo(udp[UdpLength..]);
        // The UDP checksum covers a pseudo-header of addresses, protocol and length.
        uint pseudo = Sum(ip[12..20], 0) + 17u + (uint)udpLength;
        ushort udpChecksum = Checksum(udp, pseudo);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], udpChecksum == 0 ? (ushort)0xFFFF : udpChecksum);
        return frame;
    }

    private static CapturedPacket Datagram(ReadOnlySpan<byte> frame, TimeSpan at)
    {
        if (frame.Length < EthernetLength + Ipv4Length + UdpLength || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
        {
            throw new FormatException("not an Ethernet/IPv4 frame");
        }

        ReadOnlySpan<byte> ip = frame[EthernetLength..];
        int ipHeader = (ip[0] & 0x0F) * 4;
        if (ip[0] >> 4 != 4 || ip[9] != 17)
        {
            throw new FormatException("not an IPv4 UDP datagram");
        }

        if (Checksum(ip[..ipHeader], 0) != 0)
        {
            throw new FormatException("bad IPv4 header checksum");
        }

        ReadOnlySpan<byte> udp = ip[ipHeader..];
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < UdpLength || udpLength > udp.Length)
        {
            throw new FormatException($"UDP length {udpLength} does not fit the frame");
        }

        return new CapturedPacket(
            at, BinaryPrimitives.ReadUInt16BigEndian(udp), BinaryPrimitives.ReadUInt16BigEndian(udp[2..]), udp[UdpLength..udpLength].ToArray());
    }

    private static uint Sum(ReadOnlySpan<byte> bytes, uint sum)
    {
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
        }

        if (bytes.Length % 2 == 1)
        {
            sum += (uint)bytes[^1] << 8;
        }

        return sum;
    }

    /// <summary>The Internet checksum (RFC 1071); over a header that holds its own checksum, a correct one gives 0.</summary>
    private static ushort Checksum(ReadOnlySpan<byte> bytes, uint initial)
    {
        uint sum = Sum(bytes, initial);
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
