using System.Text;
using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// The reply to <c>connect</c> on an outbound socket: the channel's headers and variables at the
/// moment the dialplan handed the call over. The reply's header lines are kept as the switch sent
/// them (one array, copied out of the frame's pooled buffer, and their index); a value is decoded
/// when asked for. A session asks for a dozen of the ~250, so nothing decodes the rest.
/// </summary>
public sealed class ChannelData
{
    private readonly byte[] _bytes;
    private readonly HeaderEntry[] _entries;

    private ChannelData(byte[] bytes, HeaderEntry[] entries)
    {
        _bytes = bytes;
        _entries = entries;
    }

    /// <summary>Every header, decoded, in the order the switch sent them.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers
    {
        get
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                yield return new(Encoding.UTF8.GetString(_bytes, _entries[i].NameStart, _entries[i].NameLength), Value(i));
            }
        }
    }

    public string UniqueId => GetHeader(HeaderNames.UniqueId) ?? GetHeader("Channel-Unique-ID") ?? string.Empty;

    /// <summary><c>full</c> when the dialplan used <c>socket ... async full</c>.</summary>
    public string? Control => GetHeader(HeaderNames.Control);

    public string? SocketMode => GetHeader(HeaderNames.SocketMode);

    public bool IsFullControl => string.Equals(Control, "full", StringComparison.OrdinalIgnoreCase);

    public bool IsAsync => string.Equals(SocketMode, "async", StringComparison.OrdinalIgnoreCase);

    public string? CallerIdNumber => GetHeader(HeaderNames.CallerIdNumber);

    public string? CallerIdName => GetHeader(HeaderNames.CallerIdName);

    public string? DestinationNumber => GetHeader(HeaderNames.CallerDestinationNumber);

    public string? Context => GetHeader(HeaderNames.CallerContext);

    /// <summary>The authenticated SIP user for calls from registered phones.</summary>
    public string? Username => GetHeader(HeaderNames.CallerUsername) ?? GetHeader("Channel-Username");

    /// <summary>The header's value (names ignore ASCII case; of repeated names the last one), or null.</summary>
    public string? GetHeader(string name) => Find("", name) is var index and >= 0 ? Value(index) : null;

    /// <summary>The channel variable's value (the header <c>variable_</c><paramref name="name"/>), or null.</summary>
    public string? GetVariable(string name) => Find(HeaderNames.VariablePrefix, name) is var index and >= 0 ? Value(index) : null;

    /// <summary>Keeps the reply's header lines and their index; the frame stays the caller's to dispose.</summary>
    public static ChannelData FromFrame(EslFrame connectReply)
    {
        ReadOnlySpan<HeaderEntry> entries = connectReply.Headers.Entries;
        if (entries.IsEmpty)
        {
            return new ChannelData([], []);
        }

        int first = int.MaxValue, end = 0;
        foreach (HeaderEntry entry in entries)
        {
            first = Math.Min(first, entry.NameStart);
            end = Math.Max(end, entry.ValueStart + entry.ValueLength);
        }

        var kept = new HeaderEntry[entries.Length];
        for (int i = 0; i < kept.Length; i++)
        {
            HeaderEntry entry = entries[i];
            kept[i] = entry with { NameStart = entry.NameStart - first, ValueStart = entry.ValueStart - first };
        }

        return new ChannelData(connectReply.Bytes.AsSpan(first, end - first).ToArray(), kept);
    }

    private int Find(string prefix, string name)
    {
        int length = prefix.Length + name.Length;
        for (int i = _entries.Length - 1; i >= 0; i--)
        {
            ref readonly HeaderEntry entry = ref _entries[i];
            if (entry.NameLength == length
                && Ascii.EqualsIgnoreCase(_bytes.AsSpan(entry.NameStart, prefix.Length), prefix)
                && Ascii.EqualsIgnoreCase(_bytes.AsSpan(entry.NameStart + prefix.Length, name.Length), name))
            {
                return i;
            }
        }

        return -1;
    }

    private string Value(int index)
    {
        ref readonly HeaderEntry entry = ref _entries[index];
        return HeaderTable.Decode(_bytes.AsSpan(entry.ValueStart, entry.ValueLength), entry.Encoding);
    }
}
