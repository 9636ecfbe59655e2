namespace IvrController.FakeSwitch;

/// <summary>The fake switch met something its script does not cover; the test must fail with this reason.</summary>
public sealed class FlowSwitchException : Exception
{
    public FlowSwitchException()
    {
    }

    public FlowSwitchException(string message)
        : base(message)
    {
    }

    public FlowSwitchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
