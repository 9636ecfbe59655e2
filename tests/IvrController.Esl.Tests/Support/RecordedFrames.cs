using System.Buffers;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Esl.Tests.Support;

/// <summary>The frames and events of a capture's switch side, for tests of typed results.</summary>
public static class RecordedFrames
{
    public static List<EslFrame> Read(Capture capture)
    {
        var frames = new List<EslFrame>();
        ReadOnlySequence<byte> buffer = new(capture.SwitchStream);
        while (EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? frame, out _) == EslReadStatus.Done)
        {
            frames.Add(frame!);
        }

        return frames;
    }

    public static List<EslEvent> Events(string captureName) =>
        Read(Capture.Load(captureName))
            .Where(f => f.ContentType is ContentTypes.EventPlain or ContentTypes.EventJson)
            .Select(f => EslEvent.FromFrame(f))
            .ToList();

    public static EslEvent Completion(string captureName, string application) =>
        Events(captureName).Single(e => e.EventName == EventNames.ChannelExecuteComplete && e.GetHeader(HeaderNames.Application) == application);
}
