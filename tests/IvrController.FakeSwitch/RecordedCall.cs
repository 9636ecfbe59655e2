using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IvrController.FakeSwitch;

/// <summary>
/// The switch's side of one recorded outbound-socket call (Fixtures/*.jsonl, FreeSWITCH 1.10.12):
/// the channel data it answered <c>connect</c> with and every event it sent, decoded. Loaded once
/// per capture and shared: nothing here changes after loading.
/// </summary>
public sealed class RecordedCall
{
    /// <summary>An agent's phone dialled out; the controller bridged it to the carrier.</summary>
    public const string AgentCall = "outbound-agent-call-bridge";

    /// <summary>Same call, but the customer hung up first.</summary>
    public const string CustomerHangsUpFirst = "outbound-customer-hangs-up-first";

    /// <summary>A customer called back; the agent answered, hung up, and the survey ran on the same session.</summary>
    public const string CallbackAnswered = "outbound-callback-agent-answers-then-survey";

    /// <summary>A customer called back while the agent was not registered.</summary>
    public const string CallbackAgentNotRegistered = "outbound-callback-agent-not-registered";

    /// <summary>The customer leg handed back to the controller for the survey after the agent hung up.</summary>
    public const string SurveyHandBack = "outbound-survey-after-agent-hangup";

    private static readonly ConcurrentDictionary<string, RecordedCall> Loaded = new(StringComparer.Ordinal);

    private RecordedCall(string name, RecordedEvent channelData, IReadOnlyList<RecordedEvent> events)
    {
        Name = name;
        ChannelData = channelData;
        Events = events;
        UniqueId = channelData.Header("Unique-ID") ?? throw new InvalidDataException($"{name}: the channel data has no Unique-ID");
    }

    public string Name { get; }

    public RecordedEvent ChannelData { get; }

    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>The recorded channel's UUID; rendered frames carry ours instead.</summary>
    public string UniqueId { get; }

    /// <summary>Every outbound capture, the ones a flow's templates may come from.</summary>
    public static IReadOnlyList<string> All { get; } =
        [AgentCall, CustomerHangsUpFirst, CallbackAnswered, CallbackAgentNotRegistered, SurveyHandBack];

    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static RecordedCall Load(string name) => Loaded.GetOrAdd(name, Read);

    public RecordedEvent? FindEvent(string eventName, Func<RecordedEvent, bool>? matches = null) =>
        Events.FirstOrDefault(e => e.Name == eventName && (matches is null || matches(e)));

    private static RecordedCall Read(string name)
    {
        string path = Path.Combine(FixtureDirectory, name + ".jsonl");
        var fromSwitch = new List<byte>();
        foreach (string line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("data", out JsonElement data) && root.GetProperty("dir").GetString() == "fs->app")
            {
                fromSwitch.AddRange(Encoding.UTF8.GetBytes(data.GetString()!));
            }
        }

        RecordedEvent? channelData = null;
        var events = new List<RecordedEvent>();
        foreach ((string head, string body) in SplitFrames(fromSwitch.ToArray()))
        {
            if (head.Contains("Event-Name: CHANNEL_DATA", StringComparison.Ordinal))
            {
                channelData ??= RecordedEvent.Parse(name, head);
            }
            else if (head.Contains("Content-Type: text/event-plain", StringComparison.Ordinal))
            {
                events.Add(RecordedEvent.Parse(name, body));
            }
        }

        return new RecordedCall(name, channelData ?? throw new InvalidDataException($"{path} has no reply to connect"), events);
    }

    /// <summary>Cuts the byte stream into (header block, body) pairs by Content-Length in bytes.</summary>
    private static IEnumerable<(string Head, string Body)> SplitFrames(byte[] stream)
    {
        int position = 0;
        while (position < stream.Length)
        {
            int end = stream.AsSpan(position).IndexOf("\n\n"u8);
            if (end < 0)
            {
                yield break;
            }

            string head = Encoding.UTF8.GetString(stream, position, end);
            int length = 0;
            foreach (string line in head.Split('\n'))
            {
                if (line.StartsWith("Content-Length: ", StringComparison.Ordinal))
                {
                    length = int.Parse(line["Content-Length: ".Length..], CultureInfo.InvariantCulture);
                }
            }

            int bodyStart = position + end + 2;
            yield return (head, Encoding.UTF8.GetString(stream, bodyStart, length));
            position = bodyStart + length;
        }
    }
}
