using IvrController.Esl.Framing;

namespace IvrController.FakeSwitch;

/// <summary>
/// One header block the real switch sent (an event, or the channel data replying to
/// <c>connect</c>), with decoded values in wire order. It is the template the fake switch fills in.
/// </summary>
public sealed class RecordedEvent
{
    public RecordedEvent(string captureName, IReadOnlyList<KeyValuePair<string, string>> rawHeaders)
    {
        CaptureName = captureName;
        RawHeaders = rawHeaders;
        Headers = rawHeaders.Select(h => new KeyValuePair<string, string>(h.Key, UrlDecoder.Decode(h.Value))).ToList();
    }

    public string CaptureName { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The same headers with the values exactly as they were on the wire (URL-encoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawHeaders { get; }

    public string Name => Header("Event-Name") ?? string.Empty;

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Parses <c>Name: value</c> lines (URL-encoded values, as the switch sends them).</summary>
    public static RecordedEvent Parse(string captureName, string headerBlock)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in headerBlock.Split('\n'))
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon], line[(colon + 2)..]));
            }
        }

        return new RecordedEvent(captureName, headers);
    }

    public override string ToString() => $"{Name} from {CaptureName}";
}
