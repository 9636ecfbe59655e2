namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// A benchmark input: whole event frames (exact wire bytes, outer header block included), both
/// laid end to end in one buffer (<see cref="Stream"/>, as a pipe's buffer would hold them) and
/// one array per frame (<see cref="FrameChunks"/>, as a socket read of one event would return it).
/// </summary>
internal sealed class EventSet
{
    public EventSet(string category, string description, IReadOnlyList<WireFrame> frames)
    {
        Category = category;
        Description = description;
        Frames = frames;
        FrameChunks = frames.Select(f => f.Bytes.ToArray()).ToArray();
        Stream = new byte[frames.Sum(f => f.Bytes.Length)];
        int offset = 0;
        foreach (WireFrame frame in frames)
        {
            frame.Bytes.Span.CopyTo(Stream.AsSpan(offset));
            offset += frame.Bytes.Length;
        }
    }

    public string Category { get; }

    public string Description { get; }

    public IReadOnlyList<WireFrame> Frames { get; }

    public byte[] Stream { get; }

    public byte[][] FrameChunks { get; }

    public int Count => Frames.Count;

    public double MeanBytesPerEvent => Count == 0 ? 0 : (double)Stream.Length / Count;

    public double MeanHeadersPerEvent => Count == 0 ? 0 : Frames.Average(f => f.EventHeaderCount);
}
