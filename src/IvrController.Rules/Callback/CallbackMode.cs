namespace IvrController.Rules.Callback;

/// <summary>What a returning customer reaches. The values are the ones admins set in the settings table.</summary>
public enum CallbackMode
{
    /// <summary>Only the agent who called them; when that agent cannot answer, the busy prompt and a missed callback.</summary>
    OriginalAgentOnly = 1,

    /// <summary>That agent first; when they cannot answer within the ring timeout, the IVR of the dialled number.</summary>
    OriginalAgentFirst = 2,
}
