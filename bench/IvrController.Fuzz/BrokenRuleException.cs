namespace IvrController.Fuzz;

/// <summary>The reader or the decoder broke one of <see cref="FrameTarget"/>'s rules.</summary>
public sealed class BrokenRuleException : Exception
{
    public BrokenRuleException()
    {
    }

    public BrokenRuleException(string message)
        : base(message)
    {
    }

    public BrokenRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
