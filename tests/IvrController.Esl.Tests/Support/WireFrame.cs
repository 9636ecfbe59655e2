using System.Buffers;
using System.Text;
using IvrController.Esl.Framing;
using Xunit;

namespace IvrController.Esl.Tests.Support;

/// <summary>One whole frame read from bytes a test wrote, as the switch would send them.</summary>
public static class WireFrame
{
    /// <summary>The frame in <paramref name="wire"/>; the test fails with the reader's error unless it is whole and valid.</summary>
    public static EslFrame Read(byte[] wire)
    {
        ReadOnlySequence<byte> buffer = new(wire);
        EslReadStatus status = EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? frame, out string? error);
        Assert.True(status == EslReadStatus.Done, error ?? $"the reader said {status}");
        return frame!;
    }

    /// <summary><see cref="Read(byte[])"/> of the text's UTF-8 bytes.</summary>
    public static EslFrame Read(string wire) => Read(Encoding.UTF8.GetBytes(wire));
}
