namespace IvrController.Presence;

/// <summary>One registered contact of an agent's SIP user, known by the REGISTER's Call-ID.</summary>
/// <param name="ExpiresAt">When we stop believing in it unless the phone registers again.</param>
public sealed record AgentRegistration(string AgentId, string CallId, DateTimeOffset ExpiresAt);
