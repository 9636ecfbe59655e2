namespace IvrController.Cli;

/// <summary>An admin's input or the environment is wrong; the message is shown as it is.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
