namespace IvrController.Rules.Callback;

/// <summary>Whether an agent can take a call now (DESIGN 2.3).</summary>
/// <param name="Registered">A phone is registered for the agent.</param>
/// <param name="OnCall">The agent has a live call leg.</param>
/// <param name="OfflineByAdmin">An admin set the agent offline.</param>
public sealed record AgentAvailability(bool Registered, bool OnCall, bool OfflineByAdmin)
{
    public bool IsAvailable => Registered && !OnCall && !OfflineByAdmin;

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
