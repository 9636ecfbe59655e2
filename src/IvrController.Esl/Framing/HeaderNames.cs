namespace IvrController.Esl.Framing;

/// <summary>Header names of the event socket protocol and of FreeSWITCH events.</summary>
public static class HeaderNames
{
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
    public const string ContentDisposition = "Content-Disposition";
    public const string ReplyText = "Reply-Text";
    public const string JobUuid = "Job-UUID";
    public const string JobCommand = "Job-Command";
    public const string EventName = "Event-Name";
    public const string EventSubclass = "Event-Subclass";
    public const string EventSequence = "Event-Sequence";
    public const string EventUuid = "Event-UUID";
    public const string UniqueId = "Unique-ID";
    public const string CoreUuid = "Core-UUID";
    public const string ControlledSessionUuid = "Controlled-Session-UUID";
    public const string Application = "Application";
    public const string ApplicationData = "Application-Data";
    public const string ApplicationResponse = "Application-Response";
    public const string ApplicationUuid = "Application-UUID";
    public const string HangupCause = "Hangup-Cause";
    public const string AnswerState = "Answer-State";
    public const string CallerIdNumber = "Caller-Caller-ID-Number";
    public const string CallerIdName = "Caller-Caller-ID-Name";
    public const string CallerDestinationNumber = "Caller-Destination-Number";
    public const string CallerContext = "Caller-Context";
    public const string CallerUsername = "Caller-Username";
    public const string ChannelName = "Channel-Name";
    public const string ChannelState = "Channel-State";
    public const string CallDirection = "Call-Direction";
    public const string SocketMode = "Socket-Mode";
    public const string Control = "Control";
    public const string DtmfDigit = "DTMF-Digit";

    /// <summary>Channel variables appear in events as headers with this prefix.</summary>
    public const string VariablePrefix = "variable_";
}
