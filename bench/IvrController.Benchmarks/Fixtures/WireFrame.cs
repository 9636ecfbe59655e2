namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// One frame exactly as it was on the wire (outer header block included), with what the
/// splitter saw in it: its Content-Type and, for events, the Event-Name and number of headers.
/// </summary>
internal sealed record WireFrame(ReadOnlyMemory<byte> Bytes, string ContentType, string EventName, int EventHeaderCount);
