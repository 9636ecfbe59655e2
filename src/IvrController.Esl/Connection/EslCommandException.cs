namespace IvrController.Esl.Connection;

/// <summary>The switch answered a command with <c>-ERR</c>.</summary>
public sealed class EslCommandException : Exception
{
    public EslCommandException()
    {
    }

    public EslCommandException(string message)
        : base(message)
    {
    }

    public EslCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EslCommandException(string command, string replyText)
        : base($"The switch refused '{command}': {replyText}")
    {
        Command = command;
        ReplyText = replyText;
    }

    public string? Command { get; }

    public string? ReplyText { get; }
}
