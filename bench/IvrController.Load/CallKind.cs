namespace IvrController.Load;

/// <summary>The calls the load plays, each a whole conversation as the switch would hand it over.</summary>
internal enum CallKind
{
    /// <summary>An agent dials a customer (bridge, agent hangs up first), then the customer's survey hand-back rates 1.</summary>
    OutboundWithSurvey,

    /// <summary>A customer an agent called earlier calls back: bridged to that agent, who hangs up first; the inbound survey rates 1.</summary>
    Callback,

    /// <summary>A customer nobody called rings our number: the IVR menu, 1 for sales, bridged to an agent; the customer hangs up.</summary>
    Ivr,
}
