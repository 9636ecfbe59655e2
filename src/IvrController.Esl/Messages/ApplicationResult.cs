using IvrController.Esl.Framing;

namespace IvrController.Esl.Messages;

/// <summary>
/// How a dialplan application run by <c>sendmsg execute</c> ended: its CHANNEL_EXECUTE_COMPLETE.
/// The event carries the channel variables as they were when the application finished
/// (e.g. <c>originate_disposition</c> after a bridge, the collected digits after play_and_get_digits).
/// Disposing it hands the event's pooled buffers back; one never disposed is simply collected.
/// </summary>
public sealed class ApplicationResult : IDisposable
{
    public ApplicationResult(EslEvent completion)
    {
        Completion = completion;
        Application = completion.GetHeader(HeaderNames.Application) ?? string.Empty;
        ApplicationUuid = completion.GetHeader(HeaderNames.ApplicationUuid) ?? string.Empty;
        string? response = completion.GetHeader(HeaderNames.ApplicationResponse);
        Response = response is null or "_none_" ? null : response;
    }

    public string Application { get; }

    public string ApplicationUuid { get; }

    /// <summary>Application-Response, or null when the application gave none (<c>_none_</c>).</summary>
    public string? Response { get; }

    public EslEvent Completion { get; }

    public string? GetVariable(string name) => Completion.GetVariable(name);

    public string? GetHeader(string name) => Completion.GetHeader(name);

    /// <summary>After a bridge: SUCCESS, USER_BUSY, NO_ANSWER, USER_NOT_REGISTERED, ...</summary>
    public string? OriginateDisposition => GetVariable("originate_disposition");

    /// <summary>After a bridge: why the other leg ended (e.g. NORMAL_CLEARING).</summary>
    public string? BridgeHangupCause => GetVariable("bridge_hangup_cause");

    public void Dispose() => Completion.Dispose();

    public override string ToString() => $"{Application} -> {Response ?? "(no response)"}";
}
