using System.Net;
using IvrController.Esl.Framing;

namespace IvrController.Esl.Outbound;

/// <summary>Where the controller listens for the switch's <c>socket</c> application.</summary>
public sealed class OutboundServerOptions
{
    /// <summary>Loopback by default: the switch and controller usually share a host; widen it deliberately.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8084;

    /// <summary>Switch addresses allowed to hand us calls; empty allows any peer that can reach the listener.</summary>
    public IList<string> AllowedPeers { get; } = [];

    /// <summary>Keep receiving the call's events after hang-up until we say <c>exit</c> (CDR variables arrive then).</summary>
    public bool Linger { get; set; } = true;

    /// <summary>How long the switch's reply to <c>connect</c> may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long live calls may run on before their handlers are cancelled.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int SessionEventQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Keep every event <c>myevents</c> subscribes. Off (the default), the session's event filters keep back those it
    /// does not consume itself (<see cref="Messages.EventNames.MyEventsBeyondTheSession"/>): a call's events shrink to
    /// the completions it waits for and its hang-up, about a third of them, for the switch and for us.
    /// </summary>
    public bool AllCallEvents { get; set; }

    public EslFrameLimits Limits { get; set; } = EslFrameLimits.Default;

    public IEnumerable<string> Validate()
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return $"Outbound:ListenAddress '{ListenAddress}' is not an IP address.";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"Outbound:Port {Port} is not a TCP port.";
        }

        foreach (string peer in AllowedPeers)
        {
            if (!IPAddress.TryParse(peer, out _) && !IPNetwork.TryParse(peer, out _))
            {
                yield return $"Outbound:AllowedPeers entry '{peer}' is neither an IP address nor a CIDR network.";
            }
        }

        if (ConnectTimeout <= TimeSpan.Zero || CommandTimeout <= TimeSpan.Zero || DrainTimeout < TimeSpan.Zero)
        {
            yield return "Outbound timeouts must be positive.";
        }

        if (SessionEventQueueCapacity < 1)
        {
            yield return "Outbound:SessionEventQueueCapacity must be at least 1.";
        }
    }
}
