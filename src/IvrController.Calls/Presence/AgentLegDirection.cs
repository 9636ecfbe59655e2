namespace IvrController.Presence;

/// <summary>Which way a call leg runs between the switch and the agent's phone.</summary>
public enum AgentLegDirection
{
    /// <summary>The agent's phone placed the call (an inbound leg on the agents' profile).</summary>
    FromAgent,

    /// <summary>The switch is calling the agent's phone (a callback bridge or click-to-call).</summary>
    ToAgent,
}
