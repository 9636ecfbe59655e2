using System.Text;

namespace IvrController.FakeSwitch;

/// <summary>
/// Encodes header values the way FreeSWITCH does in plain events and channel data: every UTF-8
/// byte outside printable ASCII and every character of its unsafe set becomes <c>%XX</c>; an
/// existing uppercase <c>%XX</c> passes through unencoded (the switch does that too, which is
/// why plain decoding is lossy). Values stay ASCII on the wire, so lengths are byte counts.
/// </summary>
public static class SwitchUrlEncoding
{
    private const string Unsafe = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        var encoded = new StringBuilder(bytes.Length + 16);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            bool alreadyEscaped = b == '%' && i + 2 < bytes.Length && IsUpperHex(bytes[i + 1]) && IsUpperHex(bytes[i + 2]);
            if (!alreadyEscaped && (b < 0x20 || b > 0x7E || Unsafe.Contains((char)b, StringComparison.Ordinal)))
            {
                encoded.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }

    private static bool IsUpperHex(byte b) => Hex.Contains((char)b, StringComparison.Ordinal);
}
