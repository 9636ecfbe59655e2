namespace IvrController.Metrics;

/// <summary>Which flow handled a call, as /metrics labels it.</summary>
public enum CallFlowKind
{
    /// <summary>An agent's call to a customer (a phone's own call or click-to-call).</summary>
    Outbound,

    /// <summary>A customer's call the callback memory routed to the agent who last called them.</summary>
    Callback,

    /// <summary>A customer's call without a remembered agent: the dialled number's IVR.</summary>
    Ivr,

    /// <summary>A customer's leg handed back for the satisfaction survey.</summary>
    Survey,

    /// <summary>A leg with an entry the controller does not know.</summary>
    Dispatch,
}
