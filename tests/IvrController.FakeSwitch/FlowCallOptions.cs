using IvrController.Esl.Outbound;
using Microsoft.Extensions.Logging;

namespace IvrController.FakeSwitch;

/// <summary>How <see cref="FlowCall"/> wires the controller's outbound server to the fake switch.</summary>
public sealed record FlowCallOptions
{
    /// <summary>The whole call, flow and switch, must be over within this (real) time.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// For comparing with recorded stories: the server keeps every event <c>myevents</c> sends, as when the
    /// captures were made (the controller nixes those it does not read).
    /// </summary>
    public static FlowCallOptions EveryEvent => new() { Server = new() { DrainTimeout = TimeSpan.FromSeconds(1), AllCallEvents = true } };

    /// <summary>The server's options; the port is always 0 (any free port).</summary>
    public OutboundServerOptions Server { get; init; } = new() { DrainTimeout = TimeSpan.FromSeconds(1) };

    /// <summary>The controller's clock (a FakeTimeProvider for timeouts driven by the test).</summary>
    public TimeProvider? Time { get; init; }

    public ILoggerFactory? Loggers { get; init; }
}
