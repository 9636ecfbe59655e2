using System.Buffers;
using System.Text;

namespace IvrController.Esl.Framing;

/// <summary>
/// Decodes FreeSWITCH's URL encoding: <c>%XX</c> becomes a byte, everything else (including
/// <c>+</c>) stands for itself. A <c>%</c> not followed by two hex digits is kept literally:
/// the switch passes such text through, and a decoder that throws on it loses the event.
/// </summary>
public static class UrlDecoder
{
    public static string Decode(ReadOnlySpan<byte> encoded)
    {
        int firstEscape = encoded.IndexOf((byte)'%');
        if (firstEscape < 0)
        {
            return Encoding.UTF8.GetString(encoded);
        }

        byte[]? rented = null;
        Span<byte> decoded = encoded.Length <= 512
            ? stackalloc byte[encoded.Length]
            : (rented = ArrayPool<byte>.Shared.Rent(encoded.Length));
        try
        {
            int length = Decode(encoded, decoded, firstEscape);
            return Encoding.UTF8.GetString(decoded[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static string Decode(string encoded) => Decode(Encoding.UTF8.GetBytes(encoded));

    private static int Decode(ReadOnlySpan<byte> source, Span<byte> destination, int firstEscape)
    {
        source[..firstEscape].CopyTo(destination);
        int written = firstEscape;
        for (int i = firstEscape; i < source.Length; i++)
        {
            byte b = source[i];
            if (b == (byte)'%' && i + 2 < source.Length
                && HexValue(source[i + 1]) is int high and >= 0 && HexValue(source[i + 2]) is int low and >= 0)
            {
                destination[written++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                destination[written++] = b;
            }
        }

        return written;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
