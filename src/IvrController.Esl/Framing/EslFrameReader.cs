using System.Buffers;
using System.Buffers.Text;

namespace IvrController.Esl.Framing;

/// <summary>
/// Reads one ESL frame from the start of a byte sequence. Pure: no I/O, no state between calls.
/// A frame is header lines ending at an empty line, then exactly Content-Length bytes of body.
/// </summary>
public static class EslFrameReader
{
    private static ReadOnlySpan<byte> HeaderTerminator => "\n\n"u8;

    private static ReadOnlySpan<byte> ContentLengthName => "Content-Length"u8;

    /// <summary>
    /// On <see cref="EslReadStatus.Done"/>, <paramref name="buffer"/> is advanced past the frame and
    /// <paramref name="frame"/> owns a copy of its bytes. On <see cref="EslReadStatus.NeedMore"/>
    /// nothing is consumed. On <see cref="EslReadStatus.Invalid"/>, <paramref name="error"/> says why.
    /// </summary>
    public static EslReadStatus TryRead(
        ref ReadOnlySequence<byte> buffer,
        EslFrameLimits limits,
        out EslFrame? frame,
        out string? error)
    {
        frame = null;
        error = null;
        var reader = new SequenceReader<byte>(buffer);

        // A stray newline between frames carries nothing; skipping it keeps us aligned. Stray newlines
        // count towards the header block that follows them, or a peer sending nothing else would have
        // us buffer them for ever.
        reader.AdvancePast((byte)'\n');
        long newlines = reader.Consumed;
        if (reader.End)
        {
            if (newlines > limits.MaxHeaderBytes)
            {
                error = $"{newlines} newlines and no frame, over the header limit of {limits.MaxHeaderBytes} bytes";
                return EslReadStatus.Invalid;
            }

            return EslReadStatus.NeedMore;
        }

        if (!reader.TryReadTo(out ReadOnlySequence<byte> headerBlock, HeaderTerminator, advancePastDelimiter: true))
        {
            // What has arrived may end in the first newline of the blank line: the block itself is one byte
            // shorter, and a block of exactly the limit must not be refused for arriving in two reads
            // (found by afl-fuzz).
            if (newlines + reader.Remaining > limits.MaxHeaderBytes + 1L)
            {
                error = $"no end of header block within {limits.MaxHeaderBytes} bytes";
                return EslReadStatus.Invalid;
            }

            return EslReadStatus.NeedMore;
        }

        if (newlines + headerBlock.Length > limits.MaxHeaderBytes)
        {
            error = newlines == 0
                ? $"header block of {headerBlock.Length} bytes exceeds the limit of {limits.MaxHeaderBytes}"
                : $"header block of {headerBlock.Length} bytes after {newlines} newlines exceeds the limit of {limits.MaxHeaderBytes}";
            return EslReadStatus.Invalid;
        }

        int headerLength = (int)headerBlock.Length;
        byte[]? scratch = null;
        try
        {
            ReadOnlySpan<byte> headers = headerBlock.IsSingleSegment
                ? headerBlock.FirstSpan
                : CopyToScratch(headerBlock, out scratch);
            if (!TryFindContentLength(headers, limits, out int contentLength, out error))
            {
                return EslReadStatus.Invalid;
            }

            if (reader.Remaining < contentLength)
            {
                return EslReadStatus.NeedMore;
            }

            // One trailing newline after the headers lets the line indexer see the last line's end.
            byte[] bytes = ArrayPool<byte>.Shared.Rent(headerLength + 1 + contentLength);
            headers.CopyTo(bytes);
            bytes[headerLength] = (byte)'\n';
            reader.UnreadSequence.Slice(0, contentLength).CopyTo(bytes.AsSpan(headerLength + 1));

            var table = new HeaderTable(bytes);
            if (table.IndexLines(0, headerLength, limits, out error) < 0)
            {
                table.Dispose();
                ArrayPool<byte>.Shared.Return(bytes);
                error = $"malformed header block: {error}";
                return EslReadStatus.Invalid;
            }

            frame = new EslFrame(bytes, table, headerLength + 1, contentLength);
            buffer = buffer.Slice(reader.Position).Slice(contentLength);
            return EslReadStatus.Done;
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private static ReadOnlySpan<byte> CopyToScratch(ReadOnlySequence<byte> block, out byte[] scratch)
    {
        scratch = ArrayPool<byte>.Shared.Rent((int)block.Length);
        block.CopyTo(scratch);
        return scratch.AsSpan(0, (int)block.Length);
    }

    /// <summary>Finds a <c>Content-Length</c> line (any case); absent means zero.</summary>
    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, EslFrameLimits limits, out int length, out string? error)
    {
        length = 0;
        error = null;
        while (!headers.IsEmpty)
        {
            int end = headers.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? headers : headers[..end];
            headers = end < 0 ? default : headers[(end + 1)..];

            if (line.Length <= ContentLengthName.Length
                || line[ContentLengthName.Length] != (byte)':'
                || !System.Text.Ascii.EqualsIgnoreCase(line[..ContentLengthName.Length], ContentLengthName))
            {
                continue;
            }

            ReadOnlySpan<byte> value = line[(ContentLengthName.Length + 1)..].Trim((byte)' ');
            if (!Utf8Parser.TryParse(value, out long parsed, out int used) || used != value.Length || parsed < 0)
            {
                error = $"Content-Length is not a byte count ('{System.Text.Encoding.ASCII.GetString(value[..Math.Min(value.Length, 20)])}')";
                return false;
            }

            if (parsed > limits.MaxBodyBytes)
            {
                error = $"Content-Length {parsed} exceeds the limit of {limits.MaxBodyBytes} bytes";
                return false;
            }

            length = (int)parsed;
        }

        return true;
    }
}
