using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// Cuts a recorded byte stream into whole frames without using either parser under test, so the
/// event sets are not shaped by the code they measure.
/// </summary>
internal static class WireFrameSplitter
{
    public static List<WireFrame> Split(byte[] stream)
    {
        var frames = new List<WireFrame>();
        int position = 0;
        while (position < stream.Length)
        {
            if (stream[position] == (byte)'\n')
            {
                position++;
                continue;
            }

            int headerEnd = stream.AsSpan(position).IndexOf("\n\n"u8);
            if (headerEnd < 0)
            {
                // A capture may stop inside a frame; what is not whole is not a frame.
                break;
            }

            string contentType = string.Empty;
            int contentLength = 0;
            foreach (string line in Encoding.UTF8.GetString(stream, position, headerEnd).Split('\n'))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                string name = colon < 0 ? line : line[..colon];
                string value = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    contentLength = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
            }

            int bodyStart = position + headerEnd + 2;
            if (bodyStart + contentLength > stream.Length)
            {
                break;
            }

            ReadOnlySpan<byte> body = stream.AsSpan(bodyStart, contentLength);
            (string eventName, int headerCount) = contentType switch
            {
                "text/event-plain" => DescribePlain(body),
                "text/event-json" => DescribeJson(body),
                _ => (string.Empty, 0),
            };
            frames.Add(new WireFrame(stream.AsMemory(position, bodyStart + contentLength - position), contentType, eventName, headerCount));
            position = bodyStart + contentLength;
        }

        return frames;
    }

    private static (string EventName, int HeaderCount) DescribePlain(ReadOnlySpan<byte> body)
    {
        int end = body.IndexOf("\n\n"u8);
        string headers = Encoding.UTF8.GetString(end < 0 ? body : body[..end]);
        string[] lines = headers.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string eventName = lines.FirstOrDefault(l => l.StartsWith("Event-Name: ", StringComparison.Ordinal))?["Event-Name: ".Length..] ?? string.Empty;
        return (eventName, lines.Length);
    }

    private static (string EventName, int HeaderCount) DescribeJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        string eventName = document.RootElement.TryGetProperty("Event-Name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty;
        return (eventName, document.RootElement.EnumerateObject().Count());
    }
}
