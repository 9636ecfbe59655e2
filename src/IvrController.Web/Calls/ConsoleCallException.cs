namespace IvrController.Web.Calls;

/// <summary>The controller cannot do or explain what the console asked; the message says why (numbers masked).</summary>
public sealed class ConsoleCallException : Exception
{
    public ConsoleCallException()
    {
    }

    public ConsoleCallException(string message)
        : base(message)
    {
    }

    public ConsoleCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
