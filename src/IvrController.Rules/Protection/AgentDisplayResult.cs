namespace IvrController.Rules.Protection;

/// <summary>
/// The text for the agent's phone (both <c>effective_callee_id_number</c> and <c>_name</c>, or both
/// <c>origination_caller_id_*</c> on a callback), where it came from, and a loggable detail that never
/// holds the number.
/// </summary>
public sealed record AgentDisplayResult(string Text, AgentDisplaySource Source, string Detail);
