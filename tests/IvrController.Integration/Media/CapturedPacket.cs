namespace IvrController.Integration.Media;

/// <summary>One UDP datagram of a capture: when (from the capture's first packet) and what it carried.</summary>
public sealed record CapturedPacket(TimeSpan At, ushort SourcePort, ushort DestinationPort, byte[] Payload);
