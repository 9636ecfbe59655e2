using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace IvrController.Esl.Framing;

/// <summary>
/// An index of <c>Name: value</c> pairs over bytes someone else owns. Values stay encoded until
/// they are asked for, so an event with 180 headers costs one small rented array, not 360 strings.
/// Lookups ignore ASCII case, as the switch's own header lookups do.
/// </summary>
internal sealed class HeaderTable : IDisposable
{
    private const int InitialCapacity = 16;

    private byte[] _bytes;
    private HeaderEntry[] _entries;
    private int _count;

    internal HeaderTable(byte[] bytes)
    {
        _bytes = bytes;
        _entries = ArrayPool<HeaderEntry>.Shared.Rent(InitialCapacity);
    }

    public int Count => _count;

    /// <summary>Index of the first Content-Length line seen by <see cref="IndexLines"/>, or -1.</summary>
    public int ContentLengthIndex { get; private set; } = -1;

    internal byte[] Bytes => _bytes;

    /// <summary>Where each header lies in <see cref="Bytes"/>, in the order they came.</summary>
    internal ReadOnlySpan<HeaderEntry> Entries => _entries.AsSpan(0, _count);

    public void Add(HeaderEntry entry)
    {
        if (_count == _entries.Length)
        {
            HeaderEntry[] larger = ArrayPool<HeaderEntry>.Shared.Rent(_entries.Length * 2);
            _entries.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<HeaderEntry>.Shared.Return(_entries);
            _entries = larger;
        }

        _entries[_count++] = entry;
    }

    /// <summary>
    /// Indexes header lines in <c>[start, end)</c> up to the first empty line.
    /// Returns the offset just past that empty line (or <paramref name="end"/>), or -1 with an error.
    /// </summary>
    /// <remarks>
    /// Events carry ~170 short lines, so a search call per line costs more than the search itself:
    /// newlines are found 32 bytes at a time from a comparison bitmask instead.
    /// </remarks>
    public int IndexLines(int start, int end, EslFrameLimits limits, out string? error)
    {
        error = null;
        int maxCount = limits.MaxHeaderCount;
        EnsureCapacity((end - start) / 32);
        int lineStart = start;
        int position = start;
        if (Vector256.IsHardwareAccelerated)
        {
            // One pass finds both the newlines and each line's first colon.
            Vector256<byte> newline = Vector256.Create((byte)'\n');
            Vector256<byte> colon = Vector256.Create((byte)':');
            ref byte origin = ref MemoryMarshal.GetArrayDataReference(_bytes);
            int firstColon = -1;
            for (; position + Vector256<byte>.Count <= end; position += Vector256<byte>.Count)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref origin, (nuint)position);
                uint newlines = Vector256.Equals(block, newline).ExtractMostSignificantBits();
                uint colons = Vector256.Equals(block, colon).ExtractMostSignificantBits();
                uint marks = newlines | colons;
                while (marks != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(marks);
                    marks &= marks - 1;
                    int at = position + bit;
                    if ((colons & (1u << bit)) != 0)
                    {
                        if (firstColon < 0)
                        {
                            firstColon = at;
                        }

                        continue;
                    }

                    if (at == lineStart)
                    {
                        return at + 1;
                    }

                    int lineColon = firstColon < 0 ? -1 : firstColon - lineStart;
                    if (!TryAddLine(lineStart, at, lineColon, maxCount))
                    {
                        error = LineError(lineStart, at, lineColon, limits);
                        return -1;
                    }

                    lineStart = at + 1;
                    firstColon = -1;
                }
            }
        }

        while (lineStart < end)
        {
            int lineLength = _bytes.AsSpan(lineStart, end - lineStart).IndexOf((byte)'\n');
            int lineEnd = lineLength < 0 ? end : lineStart + lineLength;
            if (lineEnd == lineStart)
            {
                return lineEnd + 1;
            }

            int colon = _bytes.AsSpan(lineStart, lineEnd - lineStart).IndexOf((byte)':');
            if (!TryAddLine(lineStart, lineEnd, colon, maxCount))
            {
                error = LineError(lineStart, lineEnd, colon, limits);
                return -1;
            }

            lineStart = lineEnd + 1;
        }

        return end;
    }

    /// <param name="colon">Offset of the line's first ':' from <paramref name="lineStart"/>, or -1.</param>
    /// <remarks>Runs once per header line: it builds no strings (see <see cref="LineError"/>).</remarks>
    private bool TryAddLine(int lineStart, int lineEnd, int colon, int maxCount)
    {
        if (colon <= 0 || _count == maxCount)
        {
            return false;
        }

        int valueStart = lineStart + colon + 1;
        byte[] bytes = _bytes;
        while (valueStart < lineEnd && bytes[valueStart] == (byte)' ')
        {
            valueStart++;
        }

        // A plain event's own body length is needed for every event: note it on the way past.
        if (colon == 14 && ContentLengthIndex < 0 && Ascii.EqualsIgnoreCase(bytes.AsSpan(lineStart, 14), "Content-Length"u8))
        {
            ContentLengthIndex = _count;
        }

        Add(new HeaderEntry(lineStart, colon, valueStart, lineEnd - valueStart, HeaderEncoding.Url));
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string LineError(int lineStart, int lineEnd, int colon, EslFrameLimits limits) => colon switch
    {
        0 => $"header line at byte {lineStart} has an empty name",
        < 0 => $"header line at byte {lineStart} has no ':' ({Describe(_bytes.AsSpan(lineStart, lineEnd - lineStart))})",
        _ => $"more than {limits.MaxHeaderCount} header lines",
    };

    private void EnsureCapacity(int expected)
    {
        if (expected > _entries.Length)
        {
            HeaderEntry[] larger = ArrayPool<HeaderEntry>.Shared.Rent(expected);
            _entries.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<HeaderEntry>.Shared.Return(_entries);
            _entries = larger;
        }
    }

    public int IndexOf(ReadOnlySpan<char> name)
    {
        for (int i = 0; i < _count; i++)
        {
            ref readonly HeaderEntry entry = ref _entries[i];
            if (entry.NameLength == name.Length
                && Ascii.EqualsIgnoreCase(_bytes.AsSpan(entry.NameStart, entry.NameLength), name))
            {
                return i;
            }
        }

        return -1;
    }

    public string GetName(int index)
    {
        ref readonly HeaderEntry entry = ref Entry(index);
        return Encoding.UTF8.GetString(_bytes, entry.NameStart, entry.NameLength);
    }

    public ReadOnlySpan<byte> GetRawValue(int index)
    {
        ref readonly HeaderEntry entry = ref Entry(index);
        return _bytes.AsSpan(entry.ValueStart, entry.ValueLength);
    }

    public string GetValue(int index)
    {
        ref readonly HeaderEntry entry = ref Entry(index);
        return Decode(_bytes.AsSpan(entry.ValueStart, entry.ValueLength), entry.Encoding);
    }

    public bool ValueEquals(int index, ReadOnlySpan<byte> expected)
    {
        ref readonly HeaderEntry entry = ref Entry(index);
        if (entry.Encoding == HeaderEncoding.Raw || !RequiresDecoding(entry))
        {
            return _bytes.AsSpan(entry.ValueStart, entry.ValueLength).SequenceEqual(expected);
        }

        return Encoding.UTF8.GetBytes(GetValue(index)).AsSpan().SequenceEqual(expected);
    }

    public void Dispose()
    {
        HeaderEntry[] entries = _entries;
        _entries = [];
        _bytes = [];
        _count = 0;
        if (entries.Length > 0)
        {
            ArrayPool<HeaderEntry>.Shared.Return(entries);
        }
    }

    internal static string Decode(ReadOnlySpan<byte> value, HeaderEncoding encoding) => encoding switch
    {
        HeaderEncoding.Url => UrlDecoder.Decode(value),
        HeaderEncoding.JsonString => DecodeJsonString(value),
        _ => Encoding.UTF8.GetString(value),
    };

    private bool RequiresDecoding(in HeaderEntry entry)
    {
        ReadOnlySpan<byte> value = _bytes.AsSpan(entry.ValueStart, entry.ValueLength);
        return entry.Encoding == HeaderEncoding.Url ? value.Contains((byte)'%') : value.Contains((byte)'\\');
    }

    private static string DecodeJsonString(ReadOnlySpan<byte> value) =>
        value.Contains((byte)'\\') ? JsonStringDecoder.Decode(value) : Encoding.UTF8.GetString(value);

    private ref readonly HeaderEntry Entry(int index)
    {
        ObjectDisposedException.ThrowIf(_entries.Length == 0, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ref _entries[index];
    }

    private static string Describe(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> shown = line.Length > 16 ? line[..16] : line;
        var text = new StringBuilder(shown.Length + 3);
        foreach (byte b in shown)
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        return line.Length > 16 ? text.Append("...").ToString() : text.ToString();
    }
}
