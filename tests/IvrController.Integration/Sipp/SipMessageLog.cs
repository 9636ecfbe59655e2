using System.Text.RegularExpressions;

namespace IvrController.Integration.Sipp;

/// <summary>
/// Reads the log sipp writes with <c>-trace_msg</c>: each message follows a dashed line with a time
/// stamp and a line "UDP message sent (N bytes):" or "UDP message received [N] bytes :".
/// </summary>
public static partial class SipMessageLog
{
    public static IReadOnlyList<SipMessage> Parse(string log)
    {
        var messages = new List<SipMessage>();
        string[] lines = log.ReplaceLineEndings("\n").Split('\n');
        int i = 0;
        while (i < lines.Length)
        {
            Match direction = DirectionLine().Match(lines[i]);
            if (!direction.Success)
            {
                i++;
                continue;
            }

            bool received = direction.Groups[1].Value == "received";
            i++;
            // A blank line separates the direction line from the message.
            while (i < lines.Length && lines[i].Length == 0)
            {
                i++;
            }

            var text = new List<string>();
            while (i < lines.Length && !Separator().IsMatch(lines[i]) && !DirectionLine().IsMatch(lines[i]))
            {
                text.Add(lines[i]);
                i++;
            }

            messages.Add(new SipMessage(received, string.Join("\r\n", text).TrimEnd('\r', '\n')));
        }

        return messages;
    }

    public static IReadOnlyList<SipMessage> Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    [GeneratedRegex(@"^(?:UDP|TCP|TLS|SCTP) message (sent|received)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DirectionLine();

    [GeneratedRegex(@"^-{20,} ", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
