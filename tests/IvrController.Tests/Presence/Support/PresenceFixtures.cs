using System.Buffers;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using Xunit;

namespace IvrController.Tests.Presence.Support;

/// <summary>Events and api answers from Fixtures/Presence (see the README there for where each comes from).</summary>
internal static class PresenceFixtures
{
    /// <summary>The instant the registration fixtures were taken (2026-11-23 23:20:00 UTC on the switch's clock).</summary>
    public static readonly DateTimeOffset SwitchNow = DateTimeOffset.FromUnixTimeSeconds(1795476000);

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Presence", name));

    /// <summary>A fixture's plain event body, as the switch would frame it.</summary>
    public static EslEvent Event(string name) => PlainEvent(Text(name));

    /// <summary>Frames a plain event body and parses it with the client's own reader.</summary>
    public static EslEvent PlainEvent(string body)
    {
        ReadOnlySequence<byte> wire = new(Encoding.UTF8.GetBytes(Frame(body)));
        EslReadStatus status = EslFrameReader.TryRead(ref wire, EslFrameLimits.Default, out EslFrame? frame, out string? error);
        Assert.True(status == EslReadStatus.Done, error);
        return EslEvent.FromFrame(frame!);
    }

    /// <summary>The wire form of a plain event: the frame header, then the URL-encoded header block.</summary>
    public static string Frame(string body) =>
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\nContent-Type: text/event-plain\n\n{body}";

    /// <summary>A fixture's text with one header line replaced (or removed when <paramref name="value"/> is null).</summary>
    public static string WithHeader(string body, string name, string? value)
    {
        string prefix = name + ": ";
        string[] lines = body.Split('\n');
        Assert.Contains(lines, line => line.StartsWith(prefix, StringComparison.Ordinal));
        IEnumerable<string> edited = lines
            .Where(line => value is not null || !line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => value is not null && line.StartsWith(prefix, StringComparison.Ordinal) ? prefix + value : line);
        return string.Join('\n', edited);
    }

    public static ApiResponse Api(string name) => new(Text(name));
}
