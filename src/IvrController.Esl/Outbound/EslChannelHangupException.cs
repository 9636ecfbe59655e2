namespace IvrController.Esl.Outbound;

/// <summary>The call hung up before the application could run or finish.</summary>
public sealed class EslChannelHangupException : Exception
{
    public EslChannelHangupException()
    {
    }

    public EslChannelHangupException(string message)
        : base(message)
    {
    }

    public EslChannelHangupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EslChannelHangupException(string application, string? hangupCause)
        : base($"The call hung up ({hangupCause ?? "cause unknown"}) before '{application}' completed.")
    {
        Application = application;
        HangupCause = hangupCause;
    }

    public string? Application { get; }

    public string? HangupCause { get; }
}
