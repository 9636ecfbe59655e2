using System.Buffers;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Fuzz;

/// <summary>
/// What one fuzz input must satisfy. The first byte steers, the rest is what the switch sent: the stream
/// is read whole, then again as two reads cut where the first byte says, and both must give the same
/// frames and end the same way. Every frame is decoded as the connection decodes it and every header and
/// body is read. Only <see cref="EslProtocolException"/> from the event decoder is an allowed way to
/// refuse bytes; a broken rule throws <see cref="BrokenRuleException"/>, and that and any other exception
/// reach afl-fuzz as a crash.
/// </summary>
/// <remarks>
/// First byte: the low 7 bits place the cut (0..127 of 128ths of the stream); the high bit picks the tiny
/// limits instead of the small ones, so that inputs of a few hundred bytes reach every limit too.
/// </remarks>
public static class FrameTarget
{
    public static readonly EslFrameLimits Small = new() { MaxHeaderBytes = 16 * 1024, MaxBodyBytes = 64 * 1024, MaxHeaderCount = 512 };

    public static readonly EslFrameLimits Tiny = new() { MaxHeaderBytes = 256, MaxBodyBytes = 2048, MaxHeaderCount = 16 };

    // Reading and decoding allocates in proportion to the input (the frames' copies, decoded strings,
    // xml trees, both passes); more than this is an amplification a peer could use against us.
    private const long AllocationAllowance = 4 * 1024 * 1024;
    private const int AllocationPerInputByte = 256;

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        byte control = input[0];
        byte[] stream = input[1..].ToArray();
        EslFrameLimits limits = (control & 0x80) != 0 ? Tiny : Small;
        int cut = (int)((long)stream.Length * (control & 0x7f) / 128);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Transcript whole = Read(stream, stream.Length, limits, decode: true);
        Transcript split = Read(stream, cut, limits, decode: false);
        if (!whole.Frames.SequenceEqual(split.Frames) || whole.End != split.End)
        {
            throw new BrokenRuleException(
                $"cut at {cut} of {stream.Length}: whole gave {whole.Frames.Count} frame(s) then {whole.End}, split gave {split.Frames.Count} then {split.End}");
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > AllocationAllowance + ((long)AllocationPerInputByte * stream.Length))
        {
            throw new BrokenRuleException($"{allocated} bytes allocated for {stream.Length} bytes of input");
        }
    }

    /// <summary>Reads frames as a connection does: the stream arrives as [0, cut) and then the rest.</summary>
    private static Transcript Read(byte[] stream, int cut, EslFrameLimits limits, bool decode)
    {
        ReadOnlySequence<byte> all = TwoReads.Of(stream, cut);
        var frames = new List<int>();
        long consumed = 0;
        long arrived = cut == 0 ? stream.Length : cut;
        while (true)
        {
            ReadOnlySequence<byte> buffer = all.Slice(consumed, arrived - consumed);
            long before = buffer.Length;
            EslReadStatus status = EslFrameReader.TryRead(ref buffer, limits, out EslFrame? frame, out string? error);
            switch (status)
            {
                case EslReadStatus.Done:
                    long used = before - buffer.Length;
                    if (used <= 0 || frame!.BodyLength > limits.MaxBodyBytes || frame.HeaderCount > limits.MaxHeaderCount)
                    {
                        throw new BrokenRuleException($"a frame of {used} bytes, {frame?.HeaderCount} headers, {frame?.BodyLength} body bytes");
                    }

                    consumed += used;
                    frames.Add(decode ? Decode(frame, limits) : Fingerprint(frame));
                    break;
                case EslReadStatus.NeedMore:
                    // Nothing consumed, and never waiting for more than one frame within the limits.
                    if (buffer.Length != before || before > limits.MaxHeaderBytes + 2L + limits.MaxBodyBytes)
                    {
                        throw new BrokenRuleException($"NeedMore with {before} bytes buffered ({buffer.Length} left)");
                    }

                    if (arrived == stream.Length)
                    {
                        return new Transcript(frames, "need-more");
                    }

                    arrived = stream.Length;
                    break;
                case EslReadStatus.Invalid:
                    if (string.IsNullOrWhiteSpace(error))
                    {
                        throw new BrokenRuleException("Invalid without a reason");
                    }

                    return new Transcript(frames, "invalid");
                default:
                    throw new BrokenRuleException($"status {status}");
            }
        }
    }

    /// <summary>Everything the connection and the sessions read from a frame; returns its fingerprint.</summary>
    private static int Decode(EslFrame frame, EslFrameLimits limits)
    {
        int fingerprint = Fingerprint(frame);
        switch (frame.ContentType)
        {
            case ContentTypes.CommandReply:
                _ = CommandReply.FromFrame(frame).Message;
                _ = ApiResponse.FromFrame(frame).ErrorMessage;
                _ = ChannelData.FromFrame(frame).UniqueId;
                break;
            case ContentTypes.ApiResponse:
                _ = ApiResponse.FromFrame(frame).ErrorMessage;
                break;
            case ContentTypes.DisconnectNotice:
                _ = DisconnectNotice.FromFrame(frame).IsLinger;
                break;
            case ContentTypes.EventPlain or ContentTypes.EventJson or ContentTypes.EventXml:
                DecodeEvent(frame, limits);
                return fingerprint;
        }

        frame.Dispose();
        return fingerprint;
    }

    private static void DecodeEvent(EslFrame frame, EslFrameLimits limits)
    {
        EslEvent decoded;
        try
        {
            decoded = EslEvent.FromFrame(frame, limits);
        }
        catch (EslProtocolException e) when (!string.IsNullOrWhiteSpace(e.Message))
        {
            return;
        }

        using (decoded)
        {
            _ = decoded.ToString();
            _ = decoded.Subclass;
            _ = decoded.UniqueId;
            _ = decoded.Body;
            _ = decoded.HeaderEquals(HeaderNames.EventName, EventNames.ChannelExecuteComplete);
            foreach ((string name, string value) in decoded.EnumerateHeaders())
            {
                _ = decoded.GetHeader(name);
                _ = decoded.HeaderEquals(name, value);
            }

            _ = decoded.ToDictionary();

            if (decoded.EventName == EventNames.BackgroundJob)
            {
                _ = BackgroundJobResult.FromEvent(decoded).Text;
            }

            var result = new ApplicationResult(decoded);
            _ = PlayAndGetDigitsResult.From(result, "digits").HasDigits;
            _ = result.OriginateDisposition;
        }
    }

    /// <summary>The frame's type, header count, every header and its body, as one number.</summary>
    private static int Fingerprint(EslFrame frame)
    {
        var hash = default(HashCode);
        hash.Add(frame.ContentType);
        hash.Add(frame.HeaderCount);
        foreach ((string name, string value) in frame.EnumerateHeaders())
        {
            hash.Add(name);
            hash.Add(value);
        }

        hash.AddBytes(frame.Body);
        return hash.ToHashCode();
    }

    private sealed record Transcript(List<int> Frames, string End);
}
