namespace IvrController.Rules.Agents;

/// <summary>
/// Whether an agent can take a call now (DESIGN 2.3): registered, not on a call, and not set
/// offline by an admin. <see cref="Of"/> is the one place that decides it, for every flow and for
/// <c>ivrctl explain</c>.
/// </summary>
/// <param name="Registered">A phone is registered for the agent.</param>
/// <param name="OnCall">The agent has a live call leg.</param>
/// <param name="OfflineByAdmin">An admin set the agent offline.</param>
public sealed record AgentAvailability(bool Registered, bool OnCall, bool OfflineByAdmin)
{
    public bool IsAvailable => Registered && !OnCall && !OfflineByAdmin;

    /// <summary>
    /// The availability of <paramref name="agent"/> (null: not in the agents table any more) given
    /// what the switch says of its phones (null: presence does not know yet, e.g. just after a
    /// reconnect). An agent set offline or removed takes no calls whatever the phone says; an active
    /// agent whom presence does not know yet is unknown (null): ring, and the bridge result decides.
    /// </summary>
    public static AgentAvailability? Of(Agent? agent, AgentOnSwitch? onSwitch)
    {
        bool offline = agent is null || agent.Status == AgentStatus.OfflineByAdmin;
        if (offline)
        {
            return new AgentAvailability(onSwitch?.Registered ?? true, onSwitch?.OnCall ?? false, OfflineByAdmin: true);
        }

        return onSwitch is null ? null : new AgentAvailability(onSwitch.Registered, onSwitch.OnCall, OfflineByAdmin: false);
    }

    /// <summary>"not registered and marked offline by an admin"; "available".</summary>
    public string Describe()
    {
        if (IsAvailable)
        {
            return "available";
        }

        var why = new List<string>(3);
        if (!Registered)
        {
            why.Add("not registered");
        }

        if (OnCall)
        {
            why.Add("on a call");
        }

        if (OfflineByAdmin)
        {
            why.Add("marked offline by an admin");
        }

        return string.Join(" and ", why);
    }
}
