using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// The reply to <c>connect</c> on an outbound socket: the channel's headers and variables at the
/// moment the dialplan handed the call over.
/// </summary>
public sealed class ChannelData
{
    private readonly Dictionary<string, string> _headers;

    public ChannelData(IEnumerable<KeyValuePair<string, string>> headers)
    {
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in headers)
        {
            _headers[name] = value;
        }
    }

    public IReadOnlyDictionary<string, string> Headers => _headers;

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

    public string? GetHeader(string name) => _headers.GetValueOrDefault(name);

    public string? GetVariable(string name) => _headers.GetValueOrDefault(HeaderNames.VariablePrefix + name);

    public static ChannelData FromFrame(EslFrame connectReply) => new(connectReply.EnumerateHeaders());
}
