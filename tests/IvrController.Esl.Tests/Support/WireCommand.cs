using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace IvrController.Esl.Tests.Support;

/// <summary>A command as the switch receives it: a line, header lines, optional body.</summary>
public sealed record WireCommand(string Line, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool IsExecute => Verb == "sendmsg" && Header("call-command") == "execute";

    public bool IsBackgroundApi => Verb == "bgapi";

    public string Verb => Line.Trim().Split(' ', 2)[0];

    /// <summary>
    /// What must match between a recorded command and ours: the command line and, for sendmsg,
    /// what to run. Event-UUID and Job-UUID are ours to choose; event-lock does not change the result.
    /// </summary>
    public string Meaning
    {
        get
        {
            if (Verb != "sendmsg")
            {
                return Line.Trim();
            }

            string[] keys = ["call-command", "execute-app-name", "execute-app-arg", "hangup-cause"];
            string argument = Header("execute-app-arg") ?? Body ?? string.Empty;
            return $"sendmsg {Header("call-command")} {Header("execute-app-name") ?? Header("hangup-cause")} {argument}".TrimEnd();
        }
    }

    public override string ToString() => Meaning;

    public static WireCommand Parse(string text)
    {
        string[] lines = text.Split('\n');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart()));
        }

        return new WireCommand(lines[0], headers, null);
    }

    /// <summary>Reads one command; null when the peer closed.</summary>
    public static async Task<WireCommand?> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            var sequence = new SequenceReader<byte>(buffer);
            if (sequence.TryReadTo(out ReadOnlySequence<byte> head, "\n\n"u8))
            {
                WireCommand command = Parse(Encoding.UTF8.GetString(head));
                int length = int.TryParse(command.Header("content-length"), out int declared) ? declared : 0;
                if (sequence.Remaining >= length)
                {
                    string? body = length > 0 ? Encoding.UTF8.GetString(sequence.UnreadSequence.Slice(0, length)) : null;
                    reader.AdvanceTo(buffer.GetPosition(length, sequence.Position));
                    return command with { Body = body };
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
