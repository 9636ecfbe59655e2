using System.Globalization;
using System.Text.RegularExpressions;

namespace IvrController.Integration.Sipp;

/// <summary>One SIP message from a sipp message log: whether the phone sent or received it, and its text.</summary>
public sealed partial record SipMessage(bool Received, string Text)
{
    /// <summary>The first line: "INVITE sip:…" or "SIP/2.0 200 OK".</summary>
    public string StartLine => Text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? Text[..end] : Text;

    public bool IsResponse => StartLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal);

    /// <summary>The request method, or null for a response.</summary>
    public string? Method => IsResponse ? null : StartLine.Split(' ', 2)[0];

    /// <summary>The status code of a response, or null for a request.</summary>
    public int? StatusCode => IsResponse && int.TryParse(StartLine.AsSpan(8, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : null;

    /// <summary>The CSeq method, which tells what a response answers.</summary>
    public string? CSeqMethod => Header("CSeq")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var method] ? method : null;

    public bool IsRequest(string method) => string.Equals(Method, method, StringComparison.Ordinal);

    /// <summary>Every value of a header (full or compact name), in order.</summary>
    public IEnumerable<string> Headers(string name)
    {
        string? compact = CompactNames.GetValueOrDefault(name);
        foreach (string line in HeaderLines())
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string found = line[..colon].Trim();
            if (string.Equals(found, name, StringComparison.OrdinalIgnoreCase) || (compact is not null && string.Equals(found, compact, StringComparison.OrdinalIgnoreCase)))
            {
                yield return line[(colon + 1)..].Trim();
            }
        }
    }

    public string? Header(string name) => Headers(name).FirstOrDefault();

    /// <summary>The user part of the URI in a From/To-style header: <c>"x" &lt;sip:02152810000@h&gt;;tag=1</c> → 02152810000.</summary>
    public static string? UserOf(string? nameAddress) =>
        nameAddress is null ? null : UserPattern().Match(nameAddress) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The display name of a From/To-style header, without quotes, or null.</summary>
    public static string? DisplayNameOf(string? nameAddress)
    {
        if (nameAddress is null)
        {
            return null;
        }

        int angle = nameAddress.IndexOf('<', StringComparison.Ordinal);
        string display = angle <= 0 ? "" : nameAddress[..angle].Trim().Trim('"');
        return display.Length == 0 ? null : display;
    }

    private IEnumerable<string> HeaderLines()
    {
        using var reader = new StringReader(Text);
        _ = reader.ReadLine();
        string? previous = null;
        while (reader.ReadLine() is { } line && line.Length > 0)
        {
            // A line starting with white space continues the header above it (RFC 3261, 7.3.1).
            if (line[0] is ' ' or '\t' && previous is not null)
            {
                previous += " " + line.Trim();
                continue;
            }

            if (previous is not null)
            {
                yield return previous;
            }

            previous = line;
        }

        if (previous is not null)
        {
            yield return previous;
        }
    }

    private static readonly Dictionary<string, string> CompactNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["From"] = "f",
        ["To"] = "t",
        ["Contact"] = "m",
        ["Call-ID"] = "i",
        ["Via"] = "v",
        ["Content-Type"] = "c",
        ["Content-Length"] = "l",
    };

    [GeneratedRegex("<?(?:sips?|tel):([^@>;:]+)[@>;]?", RegexOptions.CultureInvariant)]
    private static partial Regex UserPattern();
}
