using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace IvrController.FakeSwitch;

/// <summary>
/// Reads the controller's commands: header lines up to a blank line, then Content-Length
/// <em>bytes</em> of body. Text is decoded only once a whole command is in, so a multibyte
/// character split across reads stays intact.
/// </summary>
public static class CommandReader
{
    /// <summary>The next command, or null when the controller closed its side.</summary>
    public static async Task<ReceivedCommand?> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (TryParse(buffer, out ReceivedCommand? command, out SequencePosition consumed))
            {
                reader.AdvanceTo(consumed);
                return command;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryParse(ReadOnlySequence<byte> buffer, out ReceivedCommand? command, out SequencePosition consumed)
    {
        command = null;
        consumed = buffer.Start;
        var sequence = new SequenceReader<byte>(buffer);

        // Blank lines between commands are allowed, as the switch allows them.
        sequence.AdvancePastAny((byte)'\n', (byte)'\r');
        if (!sequence.TryReadTo(out ReadOnlySequence<byte> head, "\n\n"u8))
        {
            return false;
        }

        string[] lines = Encoding.UTF8.GetString(head).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(colon < 0 ? new(line, string.Empty) : new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        string? declared = headers.Where(h => string.Equals(h.Key, "content-length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
        int length = declared is null ? 0 : int.Parse(declared, CultureInfo.InvariantCulture);
        if (sequence.Remaining < length)
        {
            return false;
        }

        string? body = length > 0 ? Encoding.UTF8.GetString(sequence.UnreadSequence.Slice(0, length)) : null;
        sequence.Advance(length);
        consumed = sequence.Position;
        command = new ReceivedCommand(lines[0].Trim(), headers, body);
        return true;
    }
}
