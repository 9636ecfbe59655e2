using System.Globalization;
using System.Net;

namespace IvrController.Web.Hosting;

/// <summary>
/// Section <c>Web</c> of the controller's settings. Off by default; when on, it answers on loopback
/// only unless <see cref="AllowRemote"/> says otherwise.
/// </summary>
public sealed class WebConsoleOptions
{
    public const string DefaultListen = "127.0.0.1:8090";

    /// <summary>Serve the console, /metrics, /healthz and /readyz.</summary>
    public bool Enabled { get; set; }

    /// <summary>address:port, e.g. 127.0.0.1:8090 or [::1]:8090; port 0 takes a free one.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>Must be true for an address other machines can reach (the console speaks plain HTTP: put TLS in front).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Login attempts (form posts) one address may make per minute; more are answered 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a session lasts without a request (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where the keys that sign session cookies are kept; unset = the framework's default place for this user.</summary>
    public string? KeysDirectory { get; set; }

    public IPEndPoint EndPoint() => IPEndPoint.Parse(Listen);

    /// <summary>Every problem, one line each (empty when the console is off).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (!IPEndPoint.TryParse(Listen ?? "", out IPEndPoint? endPoint) || !Listen!.Contains(':', StringComparison.Ordinal))
        {
            problems.Add($"Web:Listen '{Listen}' is not address:port (e.g. {DefaultListen}).");
        }
        else if (!IPAddress.IsLoopback(endPoint.Address) && !AllowRemote)
        {
            problems.Add($"Web:Listen {Listen} is reachable from other machines; the console is loopback-only unless Web:AllowRemote=true (then put TLS in front of it).");
        }

        if (LoginAttemptsPerMinute is < 1 or > 1000)
        {
            problems.Add($"Web:LoginAttemptsPerMinute {LoginAttemptsPerMinute.ToString(CultureInfo.InvariantCulture)} is outside 1-1000.");
        }

        if (SessionIdleTimeout <= TimeSpan.Zero || SessionIdleTimeout > TimeSpan.FromDays(7))
        {
            problems.Add($"Web:SessionIdleTimeout {SessionIdleTimeout} is outside 0-7 days.");
        }

        return problems;
    }
}
