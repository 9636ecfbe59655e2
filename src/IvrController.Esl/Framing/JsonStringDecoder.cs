using System.Buffers;
using System.Text;

namespace IvrController.Esl.Framing;

/// <summary>
/// Unescapes the inside of a JSON string literal that the JSON reader has already accepted. Never throws:
/// bytes that are not UTF-8 and a <c>\u</c> escape of half a surrogate pair read as U+FFFD, as a plain
/// value's bad bytes do. (<c>Utf8JsonReader.GetString</c> throws on both; the fuzzer found the second.)
/// </summary>
internal static class JsonStringDecoder
{
    public static string Decode(ReadOnlySpan<byte> literal)
    {
        // Unescaping never lengthens: one UTF-16 unit at most per byte.
        char[]? rented = null;
        Span<char> text = literal.Length <= 256
            ? stackalloc char[literal.Length]
            : (rented = ArrayPool<char>.Shared.Rent(literal.Length));
        try
        {
            int written = 0;
            while (!literal.IsEmpty)
            {
                int escape = literal.IndexOf((byte)'\\');
                ReadOnlySpan<byte> run = escape < 0 ? literal : literal[..escape];

                // A backslash is ASCII, so no UTF-8 sequence spans two runs.
                written += Encoding.UTF8.GetChars(run, text[written..]);
                if (escape < 0)
                {
                    break;
                }

                literal = literal[(escape + 1)..];
                written += Unescape(ref literal, text[written..]);
            }

            return new string(text[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads the escape after a backslash from <paramref name="rest"/>; returns the units written.</summary>
    private static int Unescape(ref ReadOnlySpan<byte> rest, scoped Span<char> text)
    {
        if (rest.IsEmpty)
        {
            text[0] = '\\';
            return 1;
        }

        if (rest[0] == (byte)'u' && TryReadUnit(rest[1..], out char unit))
        {
            rest = rest[5..];
            if (char.IsHighSurrogate(unit) && rest.Length >= 6 && rest[0] == (byte)'\\' && rest[1] == (byte)'u'
                && TryReadUnit(rest[2..], out char low) && char.IsLowSurrogate(low))
            {
                rest = rest[6..];
                text[0] = unit;
                text[1] = low;
                return 2;
            }

            text[0] = char.IsSurrogate(unit) ? '\uFFFD' : unit;
            return 1;
        }

        char? simple = rest[0] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => null,
        };
        if (simple is null)
        {
            // Not an escape the reader lets through; keep the backslash and read on.
            text[0] = '\\';
            return 1;
        }

        rest = rest[1..];
        text[0] = simple.Value;
        return 1;
    }

    private static bool TryReadUnit(ReadOnlySpan<byte> hex, out char unit)
    {
        unit = '\0';
        if (hex.Length < 4)
        {
            return false;
        }

        int value = 0;
        foreach (byte b in hex[..4])
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }
}
