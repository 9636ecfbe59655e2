using System.Buffers;
using System.Text;
using System.Text.Json;

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

    internal byte[] Bytes => _bytes;

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
    public int IndexLines(int start, int end, EslFrameLimits limits, out string? error)
    {
        error = null;
        int position = start;
        while (position < end)
        {
            ReadOnlySpan<byte> rest = _bytes.AsSpan(position, end - position);
            int lineLength = rest.IndexOf((byte)'\n');
            if (lineLength < 0)
            {
                lineLength = rest.Length;
            }

            if (lineLength == 0)
            {
                return position + 1;
            }

            ReadOnlySpan<byte> line = rest[..lineLength];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = colon == 0
                    ? $"header line at byte {position} has an empty name"
                    : $"header line at byte {position} has no ':' ({Describe(line)})";
                return -1;
            }

            int valueOffset = colon + 1;
            while (valueOffset < line.Length && line[valueOffset] == (byte)' ')
            {
                valueOffset++;
            }

            if (_count == limits.MaxHeaderCount)
            {
                error = $"more than {limits.MaxHeaderCount} header lines";
                return -1;
            }

            Add(new HeaderEntry(position, colon, position + valueOffset, lineLength - valueOffset, HeaderEncoding.Url));
            position += lineLength + 1;
        }

        return end;
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
        return Decode(_bytes.AsSpan(entry.ValueStart, entry.ValueLength), entry.Encoding, _bytes, entry.ValueStart);
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

    internal static string Decode(ReadOnlySpan<byte> value, HeaderEncoding encoding, byte[] bytes, int valueStart) => encoding switch
    {
        HeaderEncoding.Url => UrlDecoder.Decode(value),
        HeaderEncoding.JsonString => DecodeJsonString(value, bytes, valueStart),
        _ => Encoding.UTF8.GetString(value),
    };

    private bool RequiresDecoding(in HeaderEntry entry)
    {
        ReadOnlySpan<byte> value = _bytes.AsSpan(entry.ValueStart, entry.ValueLength);
        return entry.Encoding == HeaderEncoding.Url ? value.Contains((byte)'%') : value.Contains((byte)'\\');
    }

    private static string DecodeJsonString(ReadOnlySpan<byte> value, byte[] bytes, int valueStart)
    {
        if (!value.Contains((byte)'\\'))
        {
            return Encoding.UTF8.GetString(value);
        }

        // The quotes around the literal are still in the buffer: let the JSON reader unescape it.
        var reader = new Utf8JsonReader(bytes.AsSpan(valueStart - 1, value.Length + 2));
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

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
