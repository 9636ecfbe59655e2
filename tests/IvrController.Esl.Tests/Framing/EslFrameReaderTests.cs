using System.Buffers;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Framing;

public sealed class EslFrameReaderTests
{
    private static readonly EslFrameLimits Limits = EslFrameLimits.Default;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static EslReadStatus Read(byte[] bytes, out EslFrame? frame, out string? error, out long remaining, EslFrameLimits? limits = null)
    {
        ReadOnlySequence<byte> buffer = new(bytes);
        EslReadStatus status = EslFrameReader.TryRead(ref buffer, limits ?? Limits, out frame, out error);
        remaining = buffer.Length;
        return status;
    }

    public static TheoryData<string> WholeFrames => new(
        "Content-Type: auth/request\n\n",
        "Content-Type: command/reply\nReply-Text: +OK accepted\n\n",
        "Content-Type: api/response\nContent-Length: 25\n\nerror/user_not_registered",
        "Content-Length: 36\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT\nCore-UUID: x\n\n",
        "Content-Length: 28\nContent-Type: text/event-json\n\n{\"Event-Name\":\"API\",\"a\":\"b\"}",
        "Content-Type: text/disconnect-notice\nController-Session-UUID: u\nContent-Disposition: linger\nContent-Length: 12\n\nDisconnected");

    [Theory]
    [MemberData(nameof(WholeFrames))]
    public void Every_proper_prefix_needs_more_and_consumes_nothing(string text)
    {
        byte[] bytes = Bytes(text);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(EslReadStatus.NeedMore, Read(bytes[..length], out EslFrame? frame, out _, out long remaining));
            Assert.Null(frame);
            Assert.Equal(length, remaining);
        }

        Assert.Equal(EslReadStatus.Done, Read(bytes, out EslFrame? whole, out _, out long left));
        Assert.Equal(0, left);
        whole!.Dispose();
    }

    [Theory]
    [MemberData(nameof(WholeFrames))]
    public void One_byte_per_segment_reads_the_same_frame(string text)
    {
        byte[] bytes = Bytes(text);
        ReadOnlySequence<byte> buffer = Segments.OneBytePerSegment(bytes);
        Assert.Equal(EslReadStatus.Done, EslFrameReader.TryRead(ref buffer, Limits, out EslFrame? split, out _));
        Assert.Equal(EslReadStatus.Done, Read(bytes, out EslFrame? whole, out _, out _));
        Assert.Equal(ParsedMessage.From(whole!), ParsedMessage.From(split!));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Content_length_counts_bytes_not_characters()
    {
        // 6 characters, 18 bytes of UTF-8; the next frame must start exactly after them.
        string body = "号码归属地查";
        byte[] bytes = Bytes($"Content-Type: api/response\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}Content-Type: auth/request\n\n");

        for (int cut = 1; cut < bytes.Length; cut++)
        {
            List<ParsedMessage> messages = IncrementalParser.Parse([bytes[..cut], bytes[cut..]]);
            Assert.Equal(2, messages.Count);
            Assert.Equal(body, messages[0].Body);
            Assert.Equal(ContentTypes.AuthRequest, messages[1].ContentType);
        }
    }

    [Fact]
    public void Several_frames_in_one_read_are_read_one_at_a_time()
    {
        ReadOnlySequence<byte> buffer = new(Bytes("Content-Type: command/reply\nReply-Text: +OK\n\nContent-Type: api/response\nContent-Length: 2\n\nhiContent-Type: auth/request\n\n"));
        var types = new List<string>();
        while (EslFrameReader.TryRead(ref buffer, Limits, out EslFrame? frame, out _) == EslReadStatus.Done)
        {
            using (frame)
            {
                types.Add(frame!.ContentType);
            }
        }

        Assert.Equal([ContentTypes.CommandReply, ContentTypes.ApiResponse, ContentTypes.AuthRequest], types);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Stray_newlines_between_frames_are_skipped()
    {
        ReadOnlySequence<byte> buffer = new(Bytes("\n\nContent-Type: auth/request\n\n"));
        Assert.Equal(EslReadStatus.Done, EslFrameReader.TryRead(ref buffer, Limits, out EslFrame? frame, out _));
        Assert.Equal(ContentTypes.AuthRequest, frame!.ContentType);
    }

    [Fact]
    public void Newlines_and_nothing_else_are_invalid_once_they_pass_the_header_limit()
    {
        // They were skipped and NeedMore returned, so a peer sending nothing but newlines was buffered for ever
        // (found while writing the fuzz target's rule that NeedMore never waits for more than one frame's limits).
        var limits = new EslFrameLimits { MaxHeaderBytes = 256 };
        byte[] newlines = Enumerable.Repeat((byte)'\n', 257).ToArray();

        Assert.Equal(EslReadStatus.NeedMore, Read(newlines[..256], out _, out _, out long remaining, limits));
        Assert.Equal(256, remaining);
        Assert.Equal(EslReadStatus.Invalid, Read(newlines, out EslFrame? frame, out string? error, out _, limits));
        Assert.Null(frame);
        Assert.Contains("257 newlines", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_newlines_count_towards_the_header_block_after_them()
    {
        var limits = new EslFrameLimits { MaxHeaderBytes = 64 };
        byte[] header = Bytes("Content-Type: auth/request");
        byte[] fits = [.. Enumerable.Repeat((byte)'\n', 64 - header.Length), .. header, .. "\n\n"u8];
        byte[] over = [(byte)'\n', .. fits];

        Assert.Equal(EslReadStatus.Done, Read(fits, out _, out _, out _, limits));
        Assert.Equal(EslReadStatus.Invalid, Read(over, out _, out string? error, out _, limits));
        Assert.Contains("after 39 newlines", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_block_of_exactly_the_limit_is_read_also_when_its_blank_line_arrives_in_two_reads()
    {
        // Found by afl-fuzz (Fixtures/Fuzz/header-block-of-the-limit-cut-in-its-blank-line.bin): whole it was read;
        // cut between the blank line's two newlines it was refused, the block and the one newline that had
        // arrived being measured as if they were all header block.
        var limits = new EslFrameLimits { MaxHeaderBytes = 64 };
        byte[] block = [.. Bytes("Content-Type: auth/request\nX: "), .. Enumerable.Repeat((byte)'a', 64 - 30)];
        Assert.Equal(64, block.Length);
        byte[] frame = [.. block, .. "\n\n"u8];

        Assert.Equal(EslReadStatus.Done, Read(frame, out _, out _, out _, limits));
        Assert.Equal(EslReadStatus.NeedMore, Read(frame[..^1], out _, out _, out long remaining, limits));
        Assert.Equal(65, remaining);
        Assert.Equal(EslReadStatus.Invalid, Read([.. block, (byte)'b', (byte)'\n'], out _, out _, out _, limits));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("12x")]
    [InlineData("")]
    [InlineData("99999999999999999999999")]
    public void A_content_length_that_is_not_a_byte_count_is_invalid(string value)
    {
        Assert.Equal(EslReadStatus.Invalid, Read(Bytes($"Content-Type: api/response\nContent-Length: {value}\n\n"), out EslFrame? frame, out string? error, out _));
        Assert.Null(frame);
        Assert.Contains("Content-Length", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_length_over_the_limit_is_invalid_before_the_body_arrives()
    {
        var limits = new EslFrameLimits { MaxBodyBytes = 1000 };
        Assert.Equal(EslReadStatus.Invalid, Read(Bytes("Content-Type: api/response\nContent-Length: 1001\n\n"), out _, out string? error, out _, limits));
        Assert.Contains("exceeds the limit of 1000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_without_an_end_of_headers_beyond_the_limit_are_invalid()
    {
        var limits = new EslFrameLimits { MaxHeaderBytes = 4096 };
        byte[] garbage = Enumerable.Repeat((byte)'A', 5000).ToArray();
        Assert.Equal(EslReadStatus.Invalid, Read(garbage, out _, out string? error, out _, limits));
        Assert.Contains("4096", error, StringComparison.Ordinal);

        Assert.Equal(EslReadStatus.NeedMore, Read(garbage[..4000], out _, out _, out long remaining, limits));
        Assert.Equal(4000, remaining);
    }

    [Theory]
    [InlineData("Content-Type: api/response\nthis line has no colon\n\n", "no ':'")]
    [InlineData("Content-Type: api/response\n: empty name\n\n", "empty name")]
    public void A_malformed_header_line_is_invalid(string text, string reason)
    {
        Assert.Equal(EslReadStatus.Invalid, Read(Bytes(text), out _, out string? error, out _));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_header_lines_is_invalid()
    {
        var limits = new EslFrameLimits { MaxHeaderCount = 10 };
        string headers = string.Concat(Enumerable.Range(0, 11).Select(i => $"H{i}: v\n"));
        Assert.Equal(EslReadStatus.Invalid, Read(Bytes(headers + "\n"), out _, out string? error, out _, limits));
        Assert.Contains("more than 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_decodes_to_replacement_characters_without_throwing()
    {
        byte[] bytes = [.. Bytes("Content-Type: api/response\nX-Bad: a"), 0xff, 0xfe, .. Bytes("b\nContent-Length: 2\n\n"), 0xc3, 0x28];
        Assert.Equal(EslReadStatus.Done, Read(bytes, out EslFrame? frame, out _, out _));
        using (frame)
        {
            Assert.Equal("a\uFFFD\uFFFDb", frame!.GetHeader("X-Bad"));
            Assert.Equal("\uFFFD(", frame.BodyText);
        }
    }

    [Fact]
    public void An_unknown_content_type_is_still_a_frame()
    {
        Assert.Equal(EslReadStatus.Done, Read(Bytes("Content-Type: text/something-new\nContent-Length: 3\n\nabc"), out EslFrame? frame, out _, out _));
        Assert.Equal("text/something-new", frame!.ContentType);
        Assert.Equal("abc", frame.BodyText);
    }

    [Fact]
    public void Header_lookup_ignores_case_and_values_are_url_decoded_on_read()
    {
        Assert.Equal(EslReadStatus.Done, Read(Bytes("content-type: command/reply\nReply-Text: %2BOK%0A\n\n"), out EslFrame? frame, out _, out _));
        Assert.Equal(ContentTypes.CommandReply, frame!.ContentType);
        Assert.Equal("+OK\n", frame.GetHeader("reply-text"));
        Assert.Null(frame.GetHeader("Job-UUID"));
    }

    [Fact]
    public void A_disposed_frame_refuses_to_be_read()
    {
        Assert.Equal(EslReadStatus.Done, Read(Bytes("Content-Type: command/reply\nReply-Text: +OK\n\n"), out EslFrame? frame, out _, out _));
        frame!.Dispose();
        frame.Dispose();
        Assert.Throws<ObjectDisposedException>(() => frame.GetHeader("Reply-Text"));
    }
}
