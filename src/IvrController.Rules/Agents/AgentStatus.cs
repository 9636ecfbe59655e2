namespace IvrController.Rules.Agents;

/// <summary>The admin's word on an agent; registration and live calls are presence, not status.</summary>
public enum AgentStatus
{
    Active,

    /// <summary>Set offline by an admin: takes no callbacks or IVR calls, whatever their phone says.</summary>
    OfflineByAdmin,
}
