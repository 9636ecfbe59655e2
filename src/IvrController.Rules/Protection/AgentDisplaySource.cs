namespace IvrController.Rules.Protection;

/// <summary>Where the text on the agent's phone came from.</summary>
public enum AgentDisplaySource
{
    /// <summary>Mask mode.</summary>
    Mask,

    /// <summary>Customer-ID mode and the lookup had an ID.</summary>
    CustomerId,

    /// <summary>Customer-ID mode, but there was no usable ID: no lookup, no entry, an error, or an ID that would reveal the number.</summary>
    MaskAfterLookupFailure,
}
