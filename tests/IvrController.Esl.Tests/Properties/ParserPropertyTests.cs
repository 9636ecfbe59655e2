using System.Buffers;
using CsCheck;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Properties;

/// <summary>
/// Properties of the frame reader and the event decoder over generated input: real switch traffic cut
/// anywhere, the same traffic damaged (bytes flipped, inserted, dropped, cut short), and plain noise. Every
/// input ends in frames, NeedMore or Invalid with a reason; nothing else is ever thrown, nothing is read past
/// the input, and no frame is bigger than the limits allow. IVR_ESL_PROPERTY_ITERATIONS scales each property
/// (the default keeps the suite fast; the long run is in bench/README.md, Fuzzing).
/// </summary>
public sealed class ParserPropertyTests
{
    internal static readonly EslFrameLimits Small = new() { MaxHeaderBytes = 16 * 1024, MaxBodyBytes = 64 * 1024, MaxHeaderCount = 512 };

    private static readonly byte[][] Streams = [.. Capture.All.Select(name => Capture.Load(name).SwitchStream)];

    /// <summary>
    /// <paramref name="fallback"/> inputs in a normal run; with IVR_ESL_PROPERTY_ITERATIONS set, that many divided
    /// by <paramref name="costlier"/> (how many times dearer one input of this property is than one of the cheap ones).
    /// </summary>
    private static long Iterations(long fallback, int costlier = 1) =>
        long.TryParse(Environment.GetEnvironmentVariable("IVR_ESL_PROPERTY_ITERATIONS"), out long n) && n > 0 ? Math.Max(1, n / costlier) : fallback;

    /// <summary>One edit of a stream: kind (flip, insert, delete, truncate), where, and which byte.</summary>
    private static readonly Gen<(int Kind, int Position, byte Value)> Edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.OneOf(Gen.Byte, Gen.OneOf((byte)'\n', (byte)':', (byte)' ', (byte)'%', (byte)'0', (byte)'9')));

    private static readonly Gen<byte[]> Damaged =
        from stream in Gen.Int[0, Streams.Length - 1]
        from edits in Edit.Array[1, 12]
        select Apply(Streams[stream], edits);

    private static readonly Gen<byte[]> Noise = Gen.Byte.Array[0, 4096];

    /// <summary>Noise built from the wire's own vocabulary, so that headers, lengths and blank lines come up often.</summary>
    private static readonly Gen<byte[]> WireLike =
        Gen.OneOf("Content-Type: ", "text/event-plain", "text/event-json", "command/reply", "Content-Length: ", "Event-Name: ",
                "CHANNEL_HANGUP", "\n", "\n\n", ": ", "%0A", "%", "0", "12", "99999999999", "-1", "{\"a\":", "}", "<event>", "Reply-Text: +OK")
            .Array[0, 60]
            .Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)));

    [Fact]
    public void Any_split_of_real_traffic_parses_as_the_whole_does()
    {
        Gen.Select(Gen.Int[0, Streams.Length - 1], Gen.Int[1, int.MaxValue].Array[0, 30])
            .Sample((stream, cuts) =>
            {
                byte[] bytes = Streams[stream];
                List<ParsedMessage> whole = ParsedMessage.ReadAll(Segments.Of([bytes]));
                int[] offsets = [.. cuts.Select(c => c % bytes.Length).Where(o => o > 0).Distinct().Order()];
                return whole.SequenceEqual(ParsedMessage.ReadAll(Segments.SplitAt(bytes, offsets)));
            }, iter: Iterations(2_000, costlier: 20));
    }

    [Fact]
    public void Damaged_traffic_ends_in_frames_need_more_or_a_reason_and_never_throws()
    {
        Damaged.Sample(bytes => ReadsCleanly(bytes, Small), iter: Iterations(5_000));
    }

    [Fact]
    public void Noise_ends_in_frames_need_more_or_a_reason_and_never_throws()
    {
        Gen.OneOf(Noise, WireLike).Sample(bytes => ReadsCleanly(bytes, Small), iter: Iterations(5_000));
    }

    [Fact]
    public void Damaged_traffic_read_a_byte_at_a_time_gives_what_the_whole_gives()
    {
        Damaged.Sample(bytes =>
        {
            (List<string> whole, string? wholeEnd) = Outline(Segments.Of([bytes]));
            (List<string> bytewise, string? bytewiseEnd) = Outline(Segments.OneBytePerSegment(bytes));
            return whole.SequenceEqual(bytewise) && wholeEnd == bytewiseEnd;
        }, iter: Iterations(300, costlier: 1_000));
    }

    /// <summary>Reads frames until NeedMore or Invalid and decodes every event frame; false if any rule is broken.</summary>
    internal static bool ReadsCleanly(byte[] bytes, EslFrameLimits limits)
    {
        ReadOnlySequence<byte> buffer = Segments.Of([bytes]);
        long consumed = 0;
        while (true)
        {
            long before = buffer.Length;
            EslReadStatus status = EslFrameReader.TryRead(ref buffer, limits, out EslFrame? frame, out string? error);
            switch (status)
            {
                case EslReadStatus.NeedMore:
                    // Nothing consumed, and never waiting for more than the limits let a frame be.
                    return buffer.Length == before && buffer.Length <= limits.MaxHeaderBytes + limits.MaxBodyBytes + 2;
                case EslReadStatus.Invalid:
                    return !string.IsNullOrWhiteSpace(error);
                case EslReadStatus.Done:
                    consumed += before - buffer.Length;
                    if (before - buffer.Length <= 0 || consumed > bytes.Length || frame!.BodyLength > limits.MaxBodyBytes || frame.HeaderCount > limits.MaxHeaderCount)
                    {
                        return false;
                    }

                    Decode(frame, limits);
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>An event frame decodes or is refused with <see cref="EslProtocolException"/>; anything else propagates and fails the property.</summary>
    private static void Decode(EslFrame frame, EslFrameLimits limits)
    {
        if (frame.ContentType is not (ContentTypes.EventPlain or ContentTypes.EventJson or ContentTypes.EventXml))
        {
            frame.Dispose();
            return;
        }

        try
        {
            using EslEvent decoded = EslEvent.FromFrame(frame, limits);
            _ = decoded.EventName;
            _ = decoded.GetHeader("Unique-ID");
            _ = decoded.Body;
            foreach ((string name, string value) in decoded.EnumerateHeaders())
            {
                _ = decoded.HeaderEquals(name, value);
            }
        }
        catch (EslProtocolException)
        {
            // Refused with a reason: allowed.
        }
    }

    /// <summary>The frames' content types and lengths, and how the stream ended.</summary>
    internal static (List<string> Frames, string? End) Outline(ReadOnlySequence<byte> buffer, EslFrameLimits? limits = null)
    {
        var frames = new List<string>();
        while (true)
        {
            EslReadStatus status = EslFrameReader.TryRead(ref buffer, limits ?? Small, out EslFrame? frame, out string? error);
            if (status != EslReadStatus.Done)
            {
                return (frames, status == EslReadStatus.Invalid ? "invalid" : "need-more");
            }

            using (frame)
            {
                frames.Add($"{frame!.ContentType}/{frame.HeaderCount}/{frame.BodyLength}");
            }
        }
    }

    private static byte[] Apply(byte[] stream, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = new List<byte>(stream);
        foreach ((int kind, int position, byte value) in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            int at = position % bytes.Count;
            switch (kind)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2: bytes.RemoveAt(at); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }
}
