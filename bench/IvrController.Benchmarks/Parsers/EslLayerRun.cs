using System.Buffers;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Benchmarks.Parsers;

/// <summary>
/// Runs the ESL layer over a chunk the way the connection's read loop does: frame after frame
/// from one receive buffer, each turned into an event, read, and disposed.
/// </summary>
internal static class EslLayerRun
{
    /// <summary>Returns a checksum of what was read; <paramref name="seen"/>, if given, collects it.</summary>
    public static int Run(byte[] chunk, List<EventIdentity>? seen)
    {
        var buffer = new ReadOnlySequence<byte>(chunk);
        int checksum = 0;
        while (true)
        {
            EslReadStatus status = EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? frame, out string? error);
            if (status == EslReadStatus.NeedMore)
            {
                break;
            }

            if (status == EslReadStatus.Invalid || frame is null)
            {
                throw new InvalidDataException($"frame reader rejected the recorded stream: {error}");
            }

            using EslEvent received = EslEvent.FromFrame(frame);
            string eventName = received.EventName;
            string? uniqueId = received.GetHeader("Unique-ID");
            checksum += eventName.Length + (uniqueId?.Length ?? 0);
            seen?.Add(new EventIdentity(eventName, uniqueId));
        }

        if (!buffer.IsEmpty)
        {
            throw new InvalidDataException($"{buffer.Length} bytes of the recorded stream were left unread");
        }

        return checksum;
    }
}
