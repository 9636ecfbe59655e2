using IvrController.Rules.Numbers;

namespace IvrController.Rules.Callback;

/// <summary>The most recent outbound call to a customer: the callback memory.</summary>
/// <param name="AgentId">The agent who placed it (SIP user).</param>
/// <param name="CustomerNumber">Who was called.</param>
/// <param name="CallerNumber">The number the customer saw, which is usually the one they call back.</param>
/// <param name="StartedAt">When the call started.</param>
public sealed record LastOutboundCall(string AgentId, PhoneNumber CustomerNumber, PhoneNumber CallerNumber, DateTimeOffset StartedAt);
