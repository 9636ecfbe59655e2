using System.Buffers.Binary;

namespace IvrController.Integration.Media;

/// <summary>
/// The payload of an RFC 4733 telephone-event packet: event code, end bit, volume (-dBm0) and the
/// duration so far in timestamp units. DTMF digits are events 0-9, * = 10, # = 11, A-D = 12-15.
/// </summary>
public sealed record TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    public static byte EventOf(char digit) => digit switch
    {
        >= '0' and <= '9' => (byte)(digit - '0'),
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => (byte)(12 + digit - 'A'),
        _ => throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF key"),
    };

    public static char DigitOf(byte eventCode) => eventCode switch
    {
        <= 9 => (char)('0' + eventCode),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + eventCode - 12),
        _ => throw new ArgumentOutOfRangeException(nameof(eventCode), eventCode, "not a DTMF event"),
    };

    public byte[] Encode()
    {
        if (Volume > 63)
        {
            throw new InvalidOperationException($"volume {Volume} does not fit in 6 bits");
        }

        byte[] bytes = new byte[Length];
        bytes[0] = Event;
        // The reserved bit stays 0 (RFC 4733, 2.3).
        bytes[1] = (byte)((End ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), Duration);
        return bytes;
    }

    public static TelephoneEvent Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != Length)
        {
            throw new FormatException($"a telephone-event payload is {Length} bytes, not {payload.Length}");
        }

        return new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
    }
}
