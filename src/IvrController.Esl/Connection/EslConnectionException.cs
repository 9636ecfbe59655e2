namespace IvrController.Esl.Connection;

/// <summary>
/// The connection to the switch ended (or could not be made). Every command still waiting for a
/// reply fails with this exception; <see cref="Reason"/> says why the connection ended.
/// </summary>
public sealed class EslConnectionException : Exception
{
    public EslConnectionException()
        : this("the connection to the switch ended")
    {
    }

    public EslConnectionException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    public EslConnectionException(string reason, Exception innerException)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    public string Reason { get; } = string.Empty;

    /// <summary>The same reason, seen from one command that was waiting.</summary>
    internal EslConnectionException ForCommand(string description) =>
        new($"'{description}' got no reply: {Reason}", this);
}
