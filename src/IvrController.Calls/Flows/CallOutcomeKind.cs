namespace IvrController.Flows;

/// <summary>How a call the switch handed over ended, as the dispatcher logs and counts it.</summary>
public enum CallOutcomeKind
{
    /// <summary>An agent's call reached the customer and was bridged.</summary>
    Bridged,

    /// <summary>An agent's call was refused before any bridge: unknown agent or customer, bad number, no caller number.</summary>
    Refused,

    /// <summary>An agent's call was placed and the customer was not reached (busy, no answer, …).</summary>
    CustomerNotReached,

    /// <summary>A customer's call (callback or IVR) was answered by an agent.</summary>
    AgentAnswered,

    /// <summary>A customer's call found no agent to take it (busy, none available, no answer; a missed callback in mode 1).</summary>
    NoAgent,

    /// <summary>A customer's call ended in the IVR itself: no menu, or the menu's hang-up.</summary>
    EndedInMenu,

    /// <summary>A survey hand-back ran its survey (rated or not).</summary>
    Surveyed,

    /// <summary>A survey hand-back ended without a survey: the template is off or gone, or the leg lacked what the survey needs.</summary>
    SurveySkipped,

    /// <summary>The dialplan handed over a leg with an entry the controller does not know.</summary>
    UnknownEntry,

    /// <summary>Something failed inside the controller; the caller heard the service-unavailable prompt.</summary>
    Faulted,
}
