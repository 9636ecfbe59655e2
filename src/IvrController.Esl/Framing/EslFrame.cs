using System.Buffers;
using System.Text;

namespace IvrController.Esl.Framing;

/// <summary>
/// One message from the switch: a header block and an optional body, held in one rented buffer.
/// The frame owns that buffer: dispose it when done (or hand it to whoever takes ownership, such
/// as <see cref="EslEvent.FromFrame"/>). A frame that is never disposed is simply collected.
/// </summary>
public sealed class EslFrame : IDisposable
{
    private byte[]? _bytes;
    private readonly HeaderTable _headers;
    private readonly int _bodyStart;
    private readonly int _bodyLength;
    private string? _contentType;

    internal EslFrame(byte[] bytes, HeaderTable headers, int bodyStart, int bodyLength)
    {
        _bytes = bytes;
        _headers = headers;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
    }

    /// <summary>The frame's Content-Type, or the empty string when it has none.</summary>
    public string ContentType => _contentType ??= ReadContentType();

    public int HeaderCount => _headers.Count;

    public bool HasBody => _bodyLength > 0;

    public ReadOnlySpan<byte> Body => Bytes.AsSpan(_bodyStart, _bodyLength);

    public string BodyText => Encoding.UTF8.GetString(Body);

    internal byte[] Bytes => _bytes ?? throw new ObjectDisposedException(nameof(EslFrame));

    internal int BodyStart => _bodyStart;

    public int BodyLength => _bodyLength;

    internal HeaderTable Headers => _bytes is null ? throw new ObjectDisposedException(nameof(EslFrame)) : _headers;

    /// <summary>The decoded value of a header, or null when the frame has none by that name.</summary>
    public string? GetHeader(string name)
    {
        int index = Headers.IndexOf(name);
        return index < 0 ? null : _headers.GetValue(index);
    }

    public IEnumerable<KeyValuePair<string, string>> EnumerateHeaders()
    {
        for (int i = 0; i < Headers.Count; i++)
        {
            yield return new(_headers.GetName(i), _headers.GetValue(i));
        }
    }

    public void Dispose()
    {
        byte[]? bytes = Interlocked.Exchange(ref _bytes, null);
        if (bytes is not null)
        {
            _headers.Dispose();
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private string ReadContentType()
    {
        int index = Headers.IndexOf(HeaderNames.ContentType);
        return index < 0 ? string.Empty : ContentTypes.FromBytes(_headers.GetRawValue(index));
    }
}
