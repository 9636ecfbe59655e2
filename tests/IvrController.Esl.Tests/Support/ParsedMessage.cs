using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Esl.Tests.Support;

/// <summary>
/// Everything a frame says, decoded into plain values so two parses can be compared for equality
/// (the frame objects themselves own pooled buffers).
/// </summary>
public sealed record ParsedMessage(string ContentType, string Headers, string? Body, string? EventHeaders, string? EventBody)
{
    public static ParsedMessage From(EslFrame frame)
    {
        string headers = string.Join("\n", frame.EnumerateHeaders().Select(h => $"{h.Key}={h.Value}"));
        if (frame.ContentType is ContentTypes.EventPlain or ContentTypes.EventJson or ContentTypes.EventXml)
        {
            string contentType = frame.ContentType;
            using EslEvent e = EslEvent.FromFrame(frame);
            return new ParsedMessage(contentType, headers, null, string.Join("\n", e.EnumerateHeaders().Select(h => $"{h.Key}={h.Value}")), e.Body);
        }

        using (frame)
        {
            return new ParsedMessage(frame.ContentType, headers, frame.BodyText, null, null);
        }
    }

    /// <summary>Reads every frame of a sequence; fails the test on Invalid or leftovers.</summary>
    public static List<ParsedMessage> ReadAll(System.Buffers.ReadOnlySequence<byte> buffer)
    {
        var messages = new List<ParsedMessage>();
        while (true)
        {
            EslReadStatus status = EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? frame, out string? error);
            if (status == EslReadStatus.Done)
            {
                messages.Add(From(frame!));
                continue;
            }

            Xunit.Assert.True(status == EslReadStatus.NeedMore, error);
            Xunit.Assert.Equal(0, buffer.Length);
            return messages;
        }
    }
}
