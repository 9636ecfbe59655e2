namespace IvrController.Flows;

/// <summary>
/// Where an agent's phone is registered, for a call the controller is about to ring them on. With one switch
/// every agent is on the call's own switch; with several, an agent registered on another one is rung through
/// the SIP route between the switches (freeswitch-conf's <c>peers</c> profile).
/// </summary>
public interface IAgentLocator
{
    /// <summary>
    /// The switch to ring <paramref name="agentId"/> on for a call that arrived on the switch whose core UUID is
    /// <paramref name="callSwitchCore"/>; null when that is the call's own switch (or nobody knows better: the
    /// bridge's result then says whether the agent was there).
    /// </summary>
    AgentLocation? PeerSwitchOf(string agentId, string? callSwitchCore);
}
