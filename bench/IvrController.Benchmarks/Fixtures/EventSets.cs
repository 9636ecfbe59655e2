namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// The three inputs, cut from the recorded FreeSWITCH 1.10.12 traffic the ESL tests replay.
/// The counts are constants because <c>OperationsPerInvoke</c> must be; the benchmark's setup
/// fails if the fixtures no longer yield exactly these numbers.
/// </summary>
internal static class EventSets
{
    public const string Plain7kCategory = "plain-7k";
    public const string Plain2kCategory = "plain-2k";
    public const string JsonCategory = "json";

    /// <summary>CHANNEL_* plain events from the outbound (myevents) captures.</summary>
    public const int Plain7kCount = 66;

    /// <summary>CHANNEL_* plain events from the inbound api/bgapi/events capture.</summary>
    public const int Plain2kCount = 6;

    /// <summary>Every json event from the inbound api/bgapi/events capture.</summary>
    public const int JsonCount = 2;

    private const string InboundCapture = "inbound-api-bgapi-events.jsonl";

    private static readonly string[] OutboundCaptures =
    [
        "outbound-agent-call-bridge.jsonl",
        "outbound-callback-agent-answers-then-survey.jsonl",
        "outbound-callback-agent-not-registered.jsonl",
        "outbound-customer-hangs-up-first.jsonl",
        "outbound-survey-after-agent-hangup.jsonl",
    ];

    private static readonly Lazy<EventSet> LazyPlain7k = new(() => new EventSet(
        Plain7kCategory,
        "CHANNEL_* text/event-plain, outbound myevents captures",
        OutboundCaptures
            .SelectMany(file => WireFrameSplitter.Split(RecordedTraffic.ReadStream(file, RecordedTraffic.OutboundFromSwitch)))
            .Where(IsPlainChannelEvent)
            .ToList()));

    private static readonly Lazy<EventSet> LazyPlain2k = new(() => new EventSet(
        Plain2kCategory,
        "CHANNEL_* text/event-plain, inbound events capture",
        WireFrameSplitter.Split(RecordedTraffic.ReadStream(InboundCapture, RecordedTraffic.InboundFromSwitch))
            .Where(IsPlainChannelEvent)
            .ToList()));

    private static readonly Lazy<EventSet> LazyJson = new(() => new EventSet(
        JsonCategory,
        "text/event-json, inbound events capture",
        WireFrameSplitter.Split(RecordedTraffic.ReadStream(InboundCapture, RecordedTraffic.InboundFromSwitch))
            .Where(f => f.ContentType == "text/event-json")
            .ToList()));

    public static EventSet Plain7k => LazyPlain7k.Value;

    public static EventSet Plain2k => LazyPlain2k.Value;

    public static EventSet Json => LazyJson.Value;

    public static IReadOnlyList<EventSet> All => [Plain7k, Plain2k, Json];

    public static EventSet? ForCategory(string category) => All.FirstOrDefault(s => s.Category == category);

    private static bool IsPlainChannelEvent(WireFrame frame) =>
        frame.ContentType == "text/event-plain" && frame.EventName.StartsWith("CHANNEL_", StringComparison.Ordinal);
}
