namespace IvrController.Flows;

/// <summary>
/// The bridge endpoint of an agent's phone: <c>user/ID@domain</c> on the call's own switch, or
/// <c>sofia/peers/ID@host:port</c> to the switch the agent is registered on, which rings its own user there
/// (freeswitch-conf/dialplan/peers.xml). The caller ID the leg carries (the mask) is what that switch passes on.
/// </summary>
public static class AgentEndpoint
{
    public static string For(string agentId, AgentLocation? peerSwitch, FlowOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(options);
        return peerSwitch is null
            ? $"user/{agentId}@{options.AgentDomain}"
            : $"sofia/{options.PeerProfile}/{agentId}@{peerSwitch.PeerAddress}";
    }
}
