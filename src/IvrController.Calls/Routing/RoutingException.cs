namespace IvrController.Routing;

/// <summary>A call cannot be planned (unknown agent, a dialled string that is neither a number nor a known customer ID). The message masks numbers.</summary>
public sealed class RoutingException : Exception
{
    public RoutingException()
    {
    }

    public RoutingException(string message)
        : base(message)
    {
    }

    public RoutingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
