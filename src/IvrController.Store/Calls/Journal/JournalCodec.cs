using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace IvrController.Store.Calls.Journal;

/// <summary>Journal entries to and from their JSON Lines form.</summary>
internal static class JournalCodec
{
    /// <summary>The line format this build writes and reads; a line of another version is dead-lettered, not guessed at.</summary>
    public const int Version = 1;

    /// <summary>The entry as one line of UTF-8 JSON, newline included.</summary>
    public static byte[] Encode(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        JournalJsonContext context = JournalJsonContext.Default;
        JsonElement record = entry.Record switch
        {
            OutboundCallRecord call => JsonSerializer.SerializeToElement(call, context.OutboundCallRecord),
            OutboundCallEnd end => JsonSerializer.SerializeToElement(end, context.OutboundCallEnd),
            SurveyResultRecord result => JsonSerializer.SerializeToElement(result, context.SurveyResultRecord),
            MissedCallbackRecord missed => JsonSerializer.SerializeToElement(missed, context.MissedCallbackRecord),
            InboundCallRecord inbound => JsonSerializer.SerializeToElement(inbound, context.InboundCallRecord),
            _ => throw new ArgumentException($"{entry.Record.GetType().Name} is not a call log record.", nameof(entry)),
        };
        var line = new JournalLine(Version, entry.Type, entry.Id, entry.CreatedAt, record, entry.UnmatchedSince);
        return WithNewline(JsonSerializer.SerializeToUtf8Bytes(line, context.JournalLine));
    }

    /// <summary>The dead-letter file's line for <paramref name="line"/>, newline included.</summary>
    public static byte[] EncodeDeadLetter(DeadLetterLine line) =>
        WithNewline(JsonSerializer.SerializeToUtf8Bytes(line, JournalJsonContext.Default.DeadLetterLine));

    /// <summary>
    /// Reads one line (without its newline). False with the reason when it is not JSON, is of
    /// another version or an unknown type, or its record does not fit its type.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> line, [NotNullWhen(true)] out JournalEntry? entry, [NotNullWhen(false)] out string? problem)
    {
        entry = null;
        JournalJsonContext context = JournalJsonContext.Default;
        JournalLine? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(line, context.JournalLine);
        }
        catch (JsonException e)
        {
            problem = $"not a journal line ({e.Message})";
            return false;
        }

        if (parsed is null)
        {
            problem = "not a journal line (null)";
            return false;
        }

        if (parsed.Version != Version)
        {
            problem = $"journal line version {parsed.Version}; this build reads version {Version}";
            return false;
        }

        if (parsed.Record.ValueKind != JsonValueKind.Object)
        {
            problem = $"the {parsed.Type} line has no record object";
            return false;
        }

        object? record;
        try
        {
            record = parsed.Type switch
            {
                JournalEntry.OutboundCallType => parsed.Record.Deserialize(context.OutboundCallRecord),
                JournalEntry.OutboundCallEndType => parsed.Record.Deserialize(context.OutboundCallEnd),
                JournalEntry.SurveyResultType => parsed.Record.Deserialize(context.SurveyResultRecord),
                JournalEntry.MissedCallbackType => parsed.Record.Deserialize(context.MissedCallbackRecord),
                JournalEntry.InboundCallType => parsed.Record.Deserialize(context.InboundCallRecord),
                _ => null,
            };
        }
        catch (JsonException e)
        {
            problem = $"the {parsed.Type} record does not read ({e.Message})";
            return false;
        }

        if (record is null)
        {
            problem = $"unknown record type '{parsed.Type}'";
            return false;
        }

        entry = new JournalEntry(parsed.Id, parsed.CreatedAt, record, parsed.UnmatchedSince);
        problem = null;
        return true;
    }

    private static byte[] WithNewline(byte[] json)
    {
        byte[] line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }
}
