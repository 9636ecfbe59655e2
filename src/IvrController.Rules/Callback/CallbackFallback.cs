namespace IvrController.Rules.Callback;

/// <summary>Where a callback goes when it does not (or will not) reach the agent.</summary>
public enum CallbackFallback
{
    /// <summary>The IVR of the dialled number.</summary>
    Ivr,

    /// <summary>"Your agent is busy" and the end of the call.</summary>
    AgentBusyPrompt,
}
