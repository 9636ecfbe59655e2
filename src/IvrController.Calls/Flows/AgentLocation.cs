namespace IvrController.Flows;

/// <summary>A switch an agent is registered on: its name in the controller's settings, and where its peers reach it over SIP (host:port).</summary>
public sealed record AgentLocation(string Switch, string PeerAddress);
