namespace IvrController.Esl.Framing;

/// <summary>The peer sent bytes that are not a valid ESL message. The connection cannot continue.</summary>
public sealed class EslProtocolException : Exception
{
    public EslProtocolException()
    {
    }

    public EslProtocolException(string message)
        : base(message)
    {
    }

    public EslProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
