namespace IvrController.Esl.Messages;

/// <summary>Event names used by the controller (the switch has many more).</summary>
public static class EventNames
{
    public const string All = "ALL";
    public const string Custom = "CUSTOM";
    public const string BackgroundJob = "BACKGROUND_JOB";
    public const string Heartbeat = "HEARTBEAT";
    public const string Api = "API";
    public const string ChannelData = "CHANNEL_DATA";
    public const string ChannelCreate = "CHANNEL_CREATE";
    public const string ChannelAnswer = "CHANNEL_ANSWER";
    public const string ChannelProgress = "CHANNEL_PROGRESS";
    public const string ChannelBridge = "CHANNEL_BRIDGE";
    public const string ChannelUnbridge = "CHANNEL_UNBRIDGE";
    public const string ChannelExecute = "CHANNEL_EXECUTE";
    public const string ChannelExecuteComplete = "CHANNEL_EXECUTE_COMPLETE";
    public const string ChannelHangup = "CHANNEL_HANGUP";
    public const string ChannelHangupComplete = "CHANNEL_HANGUP_COMPLETE";
    public const string ChannelState = "CHANNEL_STATE";
    public const string ChannelPark = "CHANNEL_PARK";
    public const string ChannelUnpark = "CHANNEL_UNPARK";
    public const string Dtmf = "DTMF";

    /// <summary>The events an outbound session consumes itself: applications' completions and the hang-up.</summary>
    public static readonly IReadOnlyList<string> OutboundSessionOwn = [ChannelExecuteComplete, ChannelHangup, ChannelHangupComplete];

    /// <summary>
    /// What <c>myevents</c> subscribes an outbound socket to (mod_event_socket.c, 1.10.12) beyond
    /// <see cref="OutboundSessionOwn"/>.
    /// Each carries every channel variable (≈ 6–7 KB on the wire), so a session that does not read them nixes them.
    /// </summary>
    public static readonly IReadOnlyList<string> MyEventsBeyondTheSession =
    [
        ChannelAnswer, "CHANNEL_APPLICATION", ChannelBridge, ChannelCreate, ChannelData, "CHANNEL_DESTROY", ChannelExecute,
        "CHANNEL_ORIGINATE", "CHANNEL_UUID", "CHANNEL_OUTGOING", ChannelPark, ChannelProgress, "CHANNEL_PROGRESS_MEDIA",
        ChannelState, ChannelUnbridge, ChannelUnpark, "DETECTED_SPEECH", Dtmf, "NOTALK", "TALK",
    ];

    /// <summary>Subclasses of CUSTOM events that tell agent registration state.</summary>
    public const string SofiaRegister = "sofia::register";
    public const string SofiaUnregister = "sofia::unregister";
    public const string SofiaExpire = "sofia::expire";
}
