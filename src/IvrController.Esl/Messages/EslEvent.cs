using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// A FreeSWITCH event. Header values are decoded when read (plain events are URL-encoded, json
/// events JSON-escaped); lookups ignore ASCII case. Channel variables are the headers named
/// <c>variable_*</c>: <see cref="GetVariable"/>. The event owns its frame's buffer: dispose it to
/// return the buffer to the pool, or let it be collected.
/// </summary>
public sealed class EslEvent : IDisposable
{
    private readonly EslFrame? _frame;
    private readonly HeaderTable _headers;
    private readonly int _bodyStart;
    private readonly int _bodyLength;
    private readonly HeaderEncoding _bodyEncoding;
    private string? _eventName;
    private int _disposed;

    private EslEvent(EslEventFormat format, EslFrame? frame, HeaderTable headers, int bodyStart, int bodyLength, HeaderEncoding bodyEncoding)
    {
        Format = format;
        _frame = frame;
        _headers = headers;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
        _bodyEncoding = bodyEncoding;
    }

    public EslEventFormat Format { get; }

    /// <summary>The Event-Name header (e.g. CHANNEL_EXECUTE_COMPLETE), or the empty string.</summary>
    public string EventName => _eventName ??= ReadEventName();

    /// <summary>Event-Subclass for CUSTOM events (e.g. sofia::register).</summary>
    public string? Subclass => GetHeader(HeaderNames.EventSubclass);

    /// <summary>Unique-ID: the channel the event is about, when it is about one.</summary>
    public string? UniqueId => GetHeader(HeaderNames.UniqueId);

    public int HeaderCount => Headers.Count;

    /// <summary>The event's body (e.g. a BACKGROUND_JOB's result), or null when it has none.</summary>
    public string? Body => _bodyLength < 0
        ? null
        : HeaderTable.Decode(Headers.Bytes.AsSpan(_bodyStart, _bodyLength), _bodyEncoding);

    private HeaderTable Headers => Volatile.Read(ref _disposed) != 0 ? throw new ObjectDisposedException(nameof(EslEvent)) : _headers;

    public string? GetHeader(string name)
    {
        int index = Headers.IndexOf(name);
        return index < 0 ? null : _headers.GetValue(index);
    }

    /// <summary>A channel variable: the header <c>variable_{name}</c>.</summary>
    public string? GetVariable(string name)
    {
        int index = IndexOfVariable(name);
        return index < 0 ? null : _headers.GetValue(index);
    }

    public bool HasHeader(string name) => Headers.IndexOf(name) >= 0;

    /// <summary>Compares a header's value with ASCII/UTF-8 text without allocating.</summary>
    public bool HeaderEquals(string name, string expected)
    {
        int index = Headers.IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        Span<byte> utf8 = expected.Length <= 128 ? stackalloc byte[expected.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(expected.Length)];
        int length = Encoding.UTF8.GetBytes(expected, utf8);
        return _headers.ValueEquals(index, utf8[..length]);
    }

    public IEnumerable<KeyValuePair<string, string>> EnumerateHeaders()
    {
        for (int i = 0; i < Headers.Count; i++)
        {
            yield return new(_headers.GetName(i), _headers.GetValue(i));
        }
    }

    /// <summary>Copies every header into a dictionary (last one wins), for code that keeps events.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        var result = new Dictionary<string, string>(Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in EnumerateHeaders())
        {
            result[name] = value;
        }

        return result;
    }

    public override string ToString() => $"{EventName} ({Format}, {HeaderCount} headers)";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _headers.Dispose();
            _frame?.Dispose();
        }
    }

    /// <summary>
    /// Builds the event carried by a <c>text/event-*</c> frame and takes ownership of the frame
    /// (also when it throws). Throws <see cref="EslProtocolException"/> for a malformed body.
    /// </summary>
    public static EslEvent FromFrame(EslFrame frame, EslFrameLimits? limits = null)
    {
        try
        {
            return frame.ContentType switch
            {
                ContentTypes.EventPlain => ParsePlain(frame, limits ?? EslFrameLimits.Default),
                ContentTypes.EventJson => ParseJson(frame),
                ContentTypes.EventXml => ParseXml(frame),
                _ => throw new EslProtocolException($"'{frame.ContentType}' is not an event content type"),
            };
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    private int IndexOfVariable(string name)
    {
        int length = HeaderNames.VariablePrefix.Length + name.Length;
        Span<char> full = length <= 256 ? stackalloc char[length] : new char[length];
        HeaderNames.VariablePrefix.CopyTo(full);
        name.CopyTo(full[HeaderNames.VariablePrefix.Length..]);
        return Headers.IndexOf(full);
    }

    private string ReadEventName()
    {
        int index = Headers.IndexOf(HeaderNames.EventName);
        return index < 0 ? string.Empty : KnownEventName(_headers.GetRawValue(index)) ?? _headers.GetValue(index);
    }

    private static readonly string[] CommonEventNames =
    [
        EventNames.ChannelExecute, EventNames.ChannelExecuteComplete, EventNames.ChannelState, EventNames.ChannelCreate,
        EventNames.ChannelAnswer, EventNames.ChannelHangup, EventNames.ChannelHangupComplete, EventNames.ChannelBridge,
        EventNames.ChannelUnbridge, EventNames.ChannelProgress, EventNames.ChannelPark, EventNames.ChannelUnpark,
        EventNames.BackgroundJob, EventNames.Dtmf, EventNames.Heartbeat, EventNames.Custom, EventNames.Api, EventNames.ChannelData,
    ];

    private static string? KnownEventName(ReadOnlySpan<byte> raw)
    {
        foreach (string known in CommonEventNames)
        {
            if (raw.Length == known.Length && Ascii.Equals(raw, known))
            {
                return known;
            }
        }

        return null;
    }

    private static EslEvent ParsePlain(EslFrame frame, EslFrameLimits limits)
    {
        int start = frame.BodyStart;
        int end = start + frame.BodyLength;
        var headers = new HeaderTable(frame.Bytes);
        int afterHeaders = headers.IndexLines(start, end, limits, out string? error);
        if (afterHeaders < 0)
        {
            headers.Dispose();
            throw new EslProtocolException($"malformed plain event: {error}");
        }

        int bodyLength = -1;
        int lengthIndex = headers.ContentLengthIndex;
        if (lengthIndex >= 0)
        {
            ReadOnlySpan<byte> raw = headers.GetRawValue(lengthIndex);
            if (!Utf8Parser.TryParse(raw, out int declared, out int used) || used != raw.Length || declared < 0 || declared > end - afterHeaders)
            {
                headers.Dispose();
                throw new EslProtocolException(
                    $"plain event body Content-Length '{Encoding.ASCII.GetString(raw[..Math.Min(raw.Length, 20)])}' does not fit the {end - afterHeaders} bytes after its headers");
            }

            bodyLength = declared;
        }

        return new EslEvent(EslEventFormat.Plain, frame, headers, afterHeaders, bodyLength, HeaderEncoding.Raw);
    }

    private static EslEvent ParseJson(EslFrame frame)
    {
        int offset = frame.BodyStart;
        var headers = new HeaderTable(frame.Bytes);
        int bodyStart = 0;
        int bodyLength = -1;
        HeaderEncoding bodyEncoding = HeaderEncoding.JsonString;
        try
        {
            var reader = new Utf8JsonReader(frame.Body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new EslProtocolException("json event is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int nameStart = offset + (int)reader.TokenStartIndex + 1;
                int nameLength = reader.ValueSpan.Length;
                // ValueTextEquals throws on an escaped half of a surrogate pair (found by afl-fuzz).
                bool isBody = reader.ValueIsEscaped
                    ? JsonStringDecoder.Decode(reader.ValueSpan) == "_body"
                    : reader.ValueSpan.SequenceEqual("_body"u8);
                reader.Read();
                (int valueStart, int valueLength, HeaderEncoding encoding) = ReadJsonValue(ref reader, offset);
                if (isBody)
                {
                    // A body that is not a string (an object, a number) reads as its JSON text, not unescaped.
                    (bodyStart, bodyLength, bodyEncoding) = (valueStart, valueLength, encoding);
                }
                else
                {
                    headers.Add(new HeaderEntry(nameStart, nameLength, valueStart, valueLength, encoding));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new EslProtocolException("json event does not end with '}'");
            }
        }
        catch (JsonException e)
        {
            headers.Dispose();
            throw new EslProtocolException($"malformed json event: {e.Message}", e);
        }
        catch (EslProtocolException)
        {
            headers.Dispose();
            throw;
        }

        return new EslEvent(EslEventFormat.Json, frame, headers, bodyStart, bodyLength, bodyEncoding);
    }

    private static (int Start, int Length, HeaderEncoding Encoding) ReadJsonValue(ref Utf8JsonReader reader, int offset)
    {
        int tokenStart = offset + (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return (tokenStart + 1, reader.ValueSpan.Length, HeaderEncoding.JsonString);
            case JsonTokenType.StartArray:
            case JsonTokenType.StartObject:
                reader.Skip();
                return (tokenStart, offset + (int)reader.TokenStartIndex + 1 - tokenStart, HeaderEncoding.Raw);
            default:
                return (tokenStart, reader.ValueSpan.Length, HeaderEncoding.Raw);
        }
    }

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null };

    private static EslEvent ParseXml(EslFrame frame)
    {
        XElement root;
        try
        {
            // The switch never sends a document type; parsing one would let a few hundred bytes of entity
            // declarations expand to megabytes.
            using var reader = XmlReader.Create(new StringReader(frame.BodyText), XmlSettings);
            root = XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new EslProtocolException($"malformed xml event: {e.Message}", e);
        }

        // XML is rare on this socket: decode it once into raw UTF-8 that the table can index.
        var pairs = (root.Element("headers")?.Elements() ?? []).Select(e => (Name: e.Name.LocalName, e.Value)).ToList();
        string? body = root.Element("body")?.Value;
        using var stream = new MemoryStream();
        var entries = new List<HeaderEntry>(pairs.Count);
        foreach ((string name, string value) in pairs)
        {
            int nameStart = (int)stream.Position;
            stream.Write(Encoding.UTF8.GetBytes(name));
            int valueStart = (int)stream.Position;
            stream.Write(Encoding.UTF8.GetBytes(value));
            entries.Add(new HeaderEntry(nameStart, valueStart - nameStart, valueStart, (int)stream.Position - valueStart, HeaderEncoding.Raw));
        }

        int bodyStart = (int)stream.Position;
        if (body is not null)
        {
            stream.Write(Encoding.UTF8.GetBytes(body));
        }

        var headers = new HeaderTable(stream.ToArray());
        entries.ForEach(headers.Add);
        frame.Dispose();
        return new EslEvent(EslEventFormat.Xml, null, headers, bodyStart, body is null ? -1 : (int)stream.Position - bodyStart, HeaderEncoding.Raw);
    }
}
