using System.Buffers.Binary;

namespace IvrController.Integration.Media;

/// <summary>An RTP packet (RFC 3550) as the suite's phones send it: version 2, no padding, extension or CSRCs.</summary>
public sealed record RtpPacket(byte PayloadType, bool Marker, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload)
{
    public const int HeaderLength = 12;

    public byte[] Encode()
    {
        byte[] bytes = new byte[HeaderLength + Payload.Length];
        bytes[0] = 0x80;
        bytes[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), Ssrc);
        Payload.CopyTo(bytes.AsSpan(HeaderLength));
        return bytes;
    }

    /// <summary>Reads a packet; throws <see cref="FormatException"/> for anything but a plain version-2 packet.</summary>
    public static RtpPacket Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || bytes[0] >> 6 != 2)
        {
            throw new FormatException($"not an RTP version 2 packet ({bytes.Length} bytes)");
        }

        if ((bytes[0] & 0x3F) != 0)
        {
            throw new FormatException("RTP padding, extensions and CSRCs are not expected here");
        }

        return new RtpPacket(
            (byte)(bytes[1] & 0x7F),
            (bytes[1] & 0x80) != 0,
            BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]),
            bytes[HeaderLength..].ToArray());
    }
}
