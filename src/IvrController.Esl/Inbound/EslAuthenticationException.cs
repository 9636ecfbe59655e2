namespace IvrController.Esl.Inbound;

/// <summary>
/// The switch refused this client: a wrong password (<c>-ERR invalid</c>) or an address its
/// event-socket ACL does not allow (<c>text/rude-rejection</c>). Retrying will not help.
/// </summary>
public sealed class EslAuthenticationException : Exception
{
    public EslAuthenticationException()
    {
    }

    public EslAuthenticationException(string message)
        : base(message)
    {
    }

    public EslAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
