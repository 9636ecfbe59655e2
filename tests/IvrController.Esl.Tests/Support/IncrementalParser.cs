using System.Buffers;
using IvrController.Esl.Framing;
using Xunit;

namespace IvrController.Esl.Tests.Support;

/// <summary>
/// Feeds chunks one at a time, the way a pipe does: after each read, frames are taken while they
/// are whole, the rest waits for the next chunk. NeedMore must consume nothing.
/// </summary>
public static class IncrementalParser
{
    public static List<ParsedMessage> Parse(IEnumerable<byte[]> chunks, EslFrameLimits? limits = null)
    {
        var messages = new List<ParsedMessage>();
        var pending = new List<byte[]>();
        foreach (byte[] chunk in chunks)
        {
            pending.Add(chunk);
            ReadOnlySequence<byte> buffer = Segments.Of(pending);
            while (true)
            {
                long before = buffer.Length;
                EslReadStatus status = EslFrameReader.TryRead(ref buffer, limits ?? EslFrameLimits.Default, out EslFrame? frame, out string? error);
                if (status == EslReadStatus.Done)
                {
                    messages.Add(ParsedMessage.From(frame!));
                    continue;
                }

                Assert.True(status == EslReadStatus.NeedMore, $"Invalid: {error}");
                Assert.Equal(before, buffer.Length);
                break;
            }

            pending = [];
            foreach (ReadOnlyMemory<byte> segment in buffer)
            {
                pending.Add(segment.ToArray());
            }
        }

        Assert.True(pending.Sum(p => p.Length) == 0, "bytes left over after the last chunk");
        return messages;
    }

    /// <summary>Cuts a stream at random places (seeded: a failure names its seed and is replayable).</summary>
    public static List<byte[]> RandomChunks(byte[] stream, Random random, int maxCuts)
    {
        int cuts = random.Next(1, maxCuts + 1);
        int[] offsets = Enumerable.Range(0, cuts).Select(_ => random.Next(1, stream.Length)).Distinct().Order().ToArray();
        var chunks = new List<byte[]>();
        int start = 0;
        foreach (int offset in offsets)
        {
            chunks.Add(stream[start..offset]);
            start = offset;
        }

        chunks.Add(stream[start..]);
        return chunks;
    }
}
