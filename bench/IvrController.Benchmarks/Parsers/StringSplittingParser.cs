using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IvrController.Benchmarks.Parsers;

/// <summary>
/// The usual way to read the event socket, written the way string-based ESL clients do it: decode
/// the received chunk to a string, read header lines up to the empty line, take Content-Length
/// characters as the body, split the body into lines and each line on ": ", URL-unescape every
/// value into a dictionary. Only here as the baseline the ESL layer is measured against.
/// </summary>
internal static class StringSplittingParser
{
    private const string ContentLength = "Content-Length";
    private const string ContentType = "Content-Type";

    /// <summary>Yields the headers of every event frame (plain or json) in the chunk, in order.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadEvents(byte[] chunk)
    {
        string text = Encoding.UTF8.GetString(chunk);
        int position = 0;
        while (position < text.Length)
        {
            if (text[position] == '\n')
            {
                position++;
                continue;
            }

            var frameHeaders = new Dictionary<string, string>();
            while (true)
            {
                int end = text.IndexOf('\n', position);
                if (end < 0)
                {
                    throw new InvalidDataException("header block without an end");
                }

                string line = text.Substring(position, end - position);
                position = end + 1;
                if (line.Length == 0)
                {
                    break;
                }

                AddHeader(frameHeaders, line);
            }

            // The naive part: Content-Length counts bytes, but here it is taken as characters.
            int length = frameHeaders.TryGetValue(ContentLength, out string? declared)
                ? int.Parse(declared, CultureInfo.InvariantCulture)
                : 0;
            string body = text.Substring(position, length);
            position += length;

            frameHeaders.TryGetValue(ContentType, out string? contentType);
            if (contentType == "text/event-plain")
            {
                yield return ParsePlain(body);
            }
            else if (contentType == "text/event-json")
            {
                yield return JsonSerializer.Deserialize<Dictionary<string, string>>(body)
                    ?? throw new InvalidDataException("json event is null");
            }
        }
    }

    private static Dictionary<string, string> ParsePlain(string body)
    {
        var headers = new Dictionary<string, string>();
        foreach (string line in body.Split('\n'))
        {
            if (line.Length == 0)
            {
                // The event's own headers end here; what follows is its body.
                break;
            }

            AddHeader(headers, line);
        }

        return headers;
    }

    private static void AddHeader(Dictionary<string, string> headers, string line)
    {
        string[] parts = line.Split(": ", 2);
        headers[parts[0]] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
    }
}
