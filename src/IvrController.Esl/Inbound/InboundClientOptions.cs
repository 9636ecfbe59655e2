using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Esl.Inbound;

/// <summary>Where the switch's event socket is and how to stay connected to it.</summary>
public sealed class InboundClientOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8021;

    /// <summary>No default: an empty or factory-default password is refused by <see cref="Validate"/>.</summary>
    public string Password { get; set; } = string.Empty;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a <c>bgapi</c> waits for its BACKGROUND_JOB.</summary>
    public TimeSpan BackgroundJobTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest wait between attempts. A refused connection to a switch that is restarting costs
    /// nothing, and while the controller waits it knows neither registrations nor click-to-call: a
    /// switch restart on a LAN takes seconds, so the controller tries again at least once a second.
    /// </summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events wait here for consumers; when it is full new events are dropped and counted.</summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>Plain is cheapest to parse; json keeps values exact (the switch's plain encoding is lossy for '%').</summary>
    public EslEventFormat EventFormat { get; set; } = EslEventFormat.Plain;

    public EslFrameLimits Limits { get; set; } = EslFrameLimits.Default;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "Esl:Host is empty: name the FreeSWITCH host whose event socket to use.";
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"Esl:Port {Port} is not a TCP port.";
        }

        if (string.IsNullOrEmpty(Password))
        {
            yield return "Esl:Password is empty: set the event socket password of event_socket.conf.xml.";
        }
        else if (UnsafeEslPasswords.Reason(Password) is { } reason)
        {
            yield return $"Esl:Password is not safe to use: {reason}. Set a long random secret on the switch (IVR_ESL_PASSWORD) and here.";
        }
        else if (Password.AsSpan().IndexOfAny(" \r\n") >= 0)
        {
            yield return "Esl:Password contains a space or line break, which the auth command cannot carry.";
        }

        if (ConnectTimeout <= TimeSpan.Zero || CommandTimeout <= TimeSpan.Zero || BackgroundJobTimeout <= TimeSpan.Zero)
        {
            yield return "Esl timeouts must be positive.";
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            yield return "Esl:ReconnectInitialDelay must be positive and no larger than ReconnectMaxDelay.";
        }

        if (EventQueueCapacity < 1)
        {
            yield return "Esl:EventQueueCapacity must be at least 1.";
        }
    }
}
