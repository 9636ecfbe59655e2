namespace IvrController.CustomerIds;

/// <summary>
/// The customer-ID service could not give an answer: no reply in time, a refusal, or a reply that
/// breaks the contract. The message names the endpoint and the reason, never a number or a customer ID.
/// </summary>
public sealed class CustomerIdLookupException : Exception
{
    public CustomerIdLookupException()
        : this("the customer-ID lookup failed")
    {
    }

    public CustomerIdLookupException(string message)
        : base(message)
    {
    }

    public CustomerIdLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many requests were sent before giving up (0 when none was).</summary>
    public int Attempts { get; init; }
}
