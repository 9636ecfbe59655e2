using System.IO.Pipelines;
using System.Text;
using System.Text.RegularExpressions;

namespace IvrController.Esl.Tests.Support;

/// <summary>
/// A fake switch that answers with the bytes a real FreeSWITCH sent in a capture. It checks each
/// command it receives against the recorded one, and releases each recorded frame only when
/// what caused it has happened: a reply when its command arrives, an application's events when
/// that sendmsg arrives, a BACKGROUND_JOB when its bgapi arrives, any other event after the
/// command before it. Our Event-UUIDs and Job-UUIDs replace the recorded ones (same length, so
/// Content-Length stays right), as the real switch echoes whatever the client chose.
/// </summary>
public sealed partial class ReplaySwitch
{
    private readonly List<RecordedFrame> _frames;
    private readonly List<WireCommand> _recorded;
    private readonly List<string> _recordedExecutionUuids;
    private readonly List<string> _recordedJobUuids;
    private readonly Dictionary<string, string> _substitutions = new(StringComparer.Ordinal);
    private int _executions;
    private int _jobs;

    private ReplaySwitch(Capture capture)
    {
        _recorded = SplitCommands(capture.PeerStream);
        List<(string Text, byte[] Bytes)> frames = SplitFrames(capture.SwitchStream);

        int replies = 0;
        int? lastReplyCommand = null;
        var jobOfCommand = new Dictionary<string, int>();
        _recordedJobUuids = [];
        _recordedExecutionUuids = [];
        var executionCommands = _recorded.Select((c, i) => (c, i)).Where(x => x.c.IsExecute).Select(x => x.i).ToList();
        var bgapiCommands = _recorded.Select((c, i) => (c, i)).Where(x => x.c.IsBackgroundApi).Select(x => x.i).ToList();

        _frames = [];
        foreach ((string text, byte[] bytes) in frames)
        {
            bool isReply = text.StartsWith("Content-Type: command/reply", StringComparison.Ordinal)
                || text.StartsWith("Content-Type: api/response", StringComparison.Ordinal)
                || (text.Contains("\nContent-Type: command/reply\n", StringComparison.Ordinal) && !text.Contains("text/event", StringComparison.Ordinal));
            int? dependsOn;
            if (isReply)
            {
                dependsOn = replies++;
                lastReplyCommand = dependsOn;
                if (_recorded[dependsOn.Value].IsBackgroundApi && JobUuid().Match(text) is { Success: true } job)
                {
                    _recordedJobUuids.Add(job.Groups[1].Value);
                    jobOfCommand[job.Groups[1].Value] = dependsOn.Value;
                }
            }
            else
            {
                dependsOn = lastReplyCommand;
                if (EventName().Match(text).Groups[1].Value == "BACKGROUND_JOB" && JobUuid().Match(text) is { Success: true } job
                    && jobOfCommand.TryGetValue(job.Groups[1].Value, out int bgapi))
                {
                    dependsOn = bgapi;
                }

                if (ApplicationUuid().Match(text) is { Success: true } application)
                {
                    string uuid = application.Groups[1].Value;
                    if (!_recordedExecutionUuids.Contains(uuid) && EventName().Match(text).Groups[1].Value == "CHANNEL_EXECUTE")
                    {
                        _recordedExecutionUuids.Add(uuid);
                    }

                    int index = _recordedExecutionUuids.IndexOf(uuid);
                    if (index >= 0 && index < executionCommands.Count)
                    {
                        dependsOn = executionCommands[index];
                    }
                }
            }

            _frames.Add(new RecordedFrame(bytes, isReply, dependsOn));
        }
    }

    /// <summary>Commands received, in order.</summary>
    public List<WireCommand> Received { get; } = [];

    /// <summary>True when the client ended the session with <c>exit</c>.</summary>
    public bool ExitReceived { get; private set; }

    /// <summary>The recorded commands the controller sent to the real switch.</summary>
    public IReadOnlyList<WireCommand> Recorded => _recorded;

    /// <summary>Close the connection once every recorded frame is out (the switch went away).</summary>
    public bool CloseWhenDone { get; init; }

    public int FramesSent => _frames.Count(f => f.Sent);

    public int FrameCount => _frames.Count;

    public static ReplaySwitch FromCapture(string name, bool closeWhenDone = false) =>
        new(Capture.Load(name)) { CloseWhenDone = closeWhenDone };

    /// <summary>
    /// Plays the switch's side on <paramref name="stream"/> until the peer closes (or, with
    /// <see cref="CloseWhenDone"/>, until every recorded frame is out), then closes it.
    /// </summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        PipeReader reader = PipeReader.Create(stream);
        try
        {
            await ReleaseAsync(stream, cancellationToken);
            if (CloseWhenDone && _frames.All(f => f.Sent))
            {
                return;
            }

            while (await WireCommand.ReadAsync(reader, cancellationToken) is { } command)
            {
                // The switch answers exit at any point; a flow may end before the recording did.
                if (command.Verb == "exit" && (Received.Count >= _recorded.Count || _recorded[Received.Count].Verb != "exit"))
                {
                    ExitReceived = true;
                    await stream.WriteAsync("Content-Type: command/reply\nReply-Text: +OK bye\n\n"u8.ToArray(), cancellationToken);
                    return;
                }

                int index = Received.Count;
                Received.Add(command);
                if (index >= _recorded.Count)
                {
                    throw new InvalidOperationException($"command #{index} '{command}' goes beyond the recording");
                }

                WireCommand expected = _recorded[index];
                if (expected.Meaning != command.Meaning)
                {
                    throw new InvalidOperationException($"command #{index}: the recording has '{expected}', the client sent '{command}'");
                }

                if (command.IsExecute && _executions < _recordedExecutionUuids.Count)
                {
                    _substitutions[_recordedExecutionUuids[_executions++]] = command.Header("Event-UUID")
                        ?? throw new InvalidOperationException($"command #{index} has no Event-UUID");
                }

                if (command.IsBackgroundApi && _jobs < _recordedJobUuids.Count)
                {
                    _substitutions[_recordedJobUuids[_jobs++]] = command.Header("Job-UUID")
                        ?? throw new InvalidOperationException($"command #{index} has no Job-UUID");
                }

                await ReleaseAsync(stream, cancellationToken);
                if (CloseWhenDone && _frames.All(f => f.Sent))
                {
                    return;
                }
            }
        }
        finally
        {
            // Whatever ended the replay, the switch side is gone now.
            stream.Close();
            await reader.CompleteAsync();
        }
    }

    private async Task ReleaseAsync(Stream stream, CancellationToken cancellationToken)
    {
        bool earlierEventsSent = true;
        bool earlierRepliesSent = true;
        foreach (RecordedFrame frame in _frames)
        {
            if (frame.Sent)
            {
                continue;
            }

            bool causeHappened = frame.DependsOn is null || frame.DependsOn < Received.Count;
            bool inOrder = frame.IsReply ? earlierRepliesSent : earlierEventsSent;
            if (causeHappened && inOrder)
            {
                await stream.WriteAsync(Substitute(frame.Bytes), cancellationToken);
                frame.Sent = true;
                continue;
            }

            if (frame.IsReply)
            {
                earlierRepliesSent = false;
            }
            else
            {
                earlierEventsSent = false;
            }
        }

        await stream.FlushAsync(cancellationToken);
    }

    private byte[] Substitute(byte[] bytes)
    {
        if (_substitutions.Count == 0)
        {
            return bytes;
        }

        string text = Encoding.UTF8.GetString(bytes);
        foreach ((string recorded, string ours) in _substitutions)
        {
            text = text.Replace(recorded, ours, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Splits a switch stream into frames, independently of the parser under test.</summary>
    private static List<(string Text, byte[] Bytes)> SplitFrames(byte[] stream)
    {
        var frames = new List<(string, byte[])>();
        int position = 0;
        while (position < stream.Length)
        {
            int end = stream.AsSpan(position).IndexOf("\n\n"u8);
            string head = Encoding.UTF8.GetString(stream, position, end);
            Match length = Regex.Match(head, "(?m)^Content-Length: (\\d+)$");
            int total = end + 2 + (length.Success ? int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
            byte[] bytes = stream[position..(position + total)];
            frames.Add((Encoding.UTF8.GetString(bytes), bytes));
            position += total;
        }

        return frames;
    }

    private static List<WireCommand> SplitCommands(byte[] stream) =>
        Encoding.UTF8.GetString(stream).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(WireCommand.Parse).ToList();

    [GeneratedRegex("Job-UUID(?:: |\":\")([0-9a-f-]{36})")]
    private static partial Regex JobUuid();

    [GeneratedRegex("Application-UUID(?:: |\":\")([0-9a-f-]{36})")]
    private static partial Regex ApplicationUuid();

    [GeneratedRegex("Event-Name(?:: |\":\")(\\w+)")]
    private static partial Regex EventName();

    private sealed class RecordedFrame(byte[] bytes, bool isReply, int? dependsOn)
    {
        public byte[] Bytes { get; } = bytes;

        public bool IsReply { get; } = isReply;

        public int? DependsOn { get; } = dependsOn;

        public bool Sent { get; set; }
    }
}
