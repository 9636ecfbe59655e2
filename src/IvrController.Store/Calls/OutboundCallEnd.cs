namespace IvrController.Store.Calls;

/// <summary>How an outbound call ended: the bridge's originate_disposition and the times.</summary>
public sealed record OutboundCallEnd(Guid CallUuid, string Disposition, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt);
