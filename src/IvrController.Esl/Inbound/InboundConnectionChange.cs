namespace IvrController.Esl.Inbound;

/// <summary>
/// The inbound connection came up or went down. After a reconnect, <see cref="Gap"/> is how long
/// no events were received: whoever keeps state from events (presence) must rebuild it.
/// </summary>
public sealed record InboundConnectionChange(bool IsConnected, string Reason, TimeSpan? Gap, DateTimeOffset At);
