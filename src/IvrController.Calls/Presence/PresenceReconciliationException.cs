namespace IvrController.Presence;

/// <summary>The switch's answer to a <c>show … as json</c> could not be used to rebuild presence.</summary>
public sealed class PresenceReconciliationException : Exception
{
    public PresenceReconciliationException()
    {
    }

    public PresenceReconciliationException(string message)
        : base(message)
    {
    }

    public PresenceReconciliationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
