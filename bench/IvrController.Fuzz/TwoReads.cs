using System.Buffers;

namespace IvrController.Fuzz;

/// <summary>A stream as two reads: one sequence of two segments, cut where the input says.</summary>
internal static class TwoReads
{
    public static ReadOnlySequence<byte> Of(byte[] stream, int cut)
    {
        if (cut <= 0 || cut >= stream.Length)
        {
            return new ReadOnlySequence<byte>(stream);
        }

        var first = new Segment(stream.AsMemory(0, cut), 0);
        var second = new Segment(stream.AsMemory(cut), cut);
        first.Link(second);
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Link(Segment next) => Next = next;
    }
}
