using System.Globalization;

namespace IvrController.Integration.Sipp;

/// <summary>
/// One phone played by one sipp process for one call: the scenario (a file of Scenarios/), where
/// it binds, whom it calls, and the scenario's variables (<c>-set</c>). Every run has a timeout.
/// </summary>
public sealed record SippCall
{
    /// <summary>A short name for the log files and messages: "agent-1001", "pstn".</summary>
    public required string Name { get; init; }

    public required string Scenario { get; init; }

    public required string LocalIp { get; init; }

    public required int LocalPort { get; init; }

    /// <summary>Media port (SDP and the pcap's source); by default two above the SIP port.</summary>
    public int? MediaPort { get; init; }

    /// <summary>host:port to send to, for a phone that places the call or registers; null for one that waits.</summary>
    public string? Remote { get; init; }

    /// <summary>The user part of the request URI (<c>-s</c>): the number or extension dialled.</summary>
    public string? Service { get; init; }

    /// <summary>Digest credentials for challenges (<c>-au</c>/<c>-ap</c>).</summary>
    public string? AuthUser { get; init; }

    public string? AuthPassword { get; init; }

    /// <summary>
    /// The digest's uri without "sip:" (<c>-auth_uri</c>): the request's URI, as RFC 3261 wants;
    /// sipp would otherwise put the address it sends to.
    /// </summary>
    public string? AuthUri { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the scenario's <c>&lt;pause/&gt;</c> lasts (<c>-d</c>): the conversation before this phone hangs up.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.Zero;

    /// <summary>sipp gives up (and fails) after this long; the process is killed a little later if it hangs.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many calls this phone makes or takes (<c>-m</c>); one unless a load is played.</summary>
    public int Calls { get; init; } = 1;

    /// <summary>New calls per second (<c>-r</c>), for a caller playing many calls; null: as fast as the limit allows.</summary>
    public double? CallsPerSecond { get; init; }

    /// <summary>Calls at once at most (<c>-l</c>).</summary>
    public int MaxConcurrent { get; init; } = 1;

    public int EffectiveMediaPort => MediaPort ?? LocalPort + 2;

    /// <summary>
    /// The sipp command line (without the program), logs going to <paramref name="logs"/>; sipp must run
    /// in the logs' directory, as their names are relative to it.
    /// </summary>
    public IReadOnlyList<string> Arguments(string scenarioPath, SippLogFiles logs)
    {
        (string messages, string errors, string actions, string screen) = logs.ForSipp();
        var args = new List<string>();
        if (Remote is not null)
        {
            args.Add(Remote);
        }

        args.AddRange(
        [
            "-sf", scenarioPath,
            "-m", Calls.ToString(CultureInfo.InvariantCulture), "-l", MaxConcurrent.ToString(CultureInfo.InvariantCulture),
            "-i", LocalIp, "-p", LocalPort.ToString(CultureInfo.InvariantCulture), "-bind_local",
            "-mi", LocalIp, "-mp", EffectiveMediaPort.ToString(CultureInfo.InvariantCulture),
            "-nostdin", "-aa", "-d", ((int)Pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "-timeout", $"{(int)Math.Ceiling(Timeout.TotalSeconds)}s", "-timeout_error",
            "-trace_msg", "-message_file", messages,
            "-trace_err", "-error_file", errors,
            "-trace_logs", "-log_file", actions,
            "-trace_screen", "-screen_file", screen,
        ]);
        if (CallsPerSecond is { } rate)
        {
            // -r calls per -rp milliseconds.
            args.AddRange(["-r", ((int)Math.Round(rate * 10)).ToString(CultureInfo.InvariantCulture), "-rp", "10000"]);
        }

        if (Service is not null)
        {
            args.AddRange(["-s", Service]);
        }

        if (AuthUser is not null)
        {
            args.AddRange(["-au", AuthUser, "-ap", AuthPassword ?? ""]);
        }

        if (AuthUri is not null)
        {
            args.AddRange(["-auth_uri", AuthUri]);
        }

        foreach ((string name, string value) in Variables)
        {
            args.AddRange(["-set", name, value]);
        }

        return args;
    }
}
