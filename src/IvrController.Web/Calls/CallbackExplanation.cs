namespace IvrController.Web.Calls;

/// <summary>A customer's call to one of our numbers as the controller would route it now; the customer's number masked.</summary>
/// <param name="Rules">Rules version and the callback-memory settings.</param>
/// <param name="Call">Masked caller → our number (and whether it is ours).</param>
/// <param name="Decision">The callback memory's decision and its reason.</param>
/// <param name="Then">Where the call goes: the agent, the IVR, the busy prompt; a missed callback or not.</param>
/// <param name="AgentSees">What the agent's phone would show; null when no agent is rung by the memory.</param>
/// <param name="MenuName">The IVR menu of the dialled number; null when it names none.</param>
/// <param name="Menu">That menu in one line: greeting, options, what happens after the tries.</param>
public sealed record CallbackExplanation(string Rules, string Call, string Decision, string Then, string? AgentSees, string? MenuName, string? Menu);
