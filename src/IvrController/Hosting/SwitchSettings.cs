using System.Text.RegularExpressions;
using IvrController.Esl.Inbound;

namespace IvrController.Hosting;

/// <summary>
/// One switch of several (<c>Switches:0:Name=sw1</c>, <c>Switches:0:Host=…</c>, …). Without a Switches list the
/// controller serves the one switch of <c>Esl:*</c>, named <see cref="DefaultName"/>. The other <c>Esl:*</c> settings
/// (timeouts, reconnect delays, queue size) apply to every switch.
/// </summary>
public sealed partial class SwitchSettings
{
    /// <summary>The name of the single switch configured with <c>Esl:*</c> alone.</summary>
    public const string DefaultName = "default";

    /// <summary>The switch's name in logs and on the console: letters, digits, '.', '_' and '-'.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its event socket.</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8021;

    /// <summary>Its event socket password; empty: <c>Esl:Password</c> (IVR_ESL_PASSWORD), for switches that share one.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// host:port of its <c>peers</c> SIP profile (freeswitch-conf: <c>peers_sip_port</c>, 5070), where the other switches
    /// ring the agents registered on it. Required when there are several switches.
    /// </summary>
    public string PeerAddress { get; set; } = "";

    /// <summary>The event socket options of this switch: <paramref name="shared"/>'s, with its own address and password.</summary>
    public InboundClientOptions EventSocket(InboundClientOptions shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        return new InboundClientOptions
        {
            Host = Host,
            Port = Port,
            Password = Password.Length > 0 ? Password : shared.Password,
            ConnectTimeout = shared.ConnectTimeout,
            CommandTimeout = shared.CommandTimeout,
            BackgroundJobTimeout = shared.BackgroundJobTimeout,
            ReconnectInitialDelay = shared.ReconnectInitialDelay,
            ReconnectMaxDelay = shared.ReconnectMaxDelay,
            EventQueueCapacity = shared.EventQueueCapacity,
            EventFormat = shared.EventFormat,
            Limits = shared.Limits,
        };
    }

    /// <summary>The problems of a list of several switches, each line naming the entry (<c>Switches:1 (sw2): …</c>).</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<SwitchSettings> switches, InboundClientOptions shared)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < switches.Count; i++)
        {
            SwitchSettings entry = switches[i];
            string where = $"Switches:{i}" + (entry.Name.Length > 0 ? $" ({entry.Name})" : "");
            if (!NamePattern().IsMatch(entry.Name))
            {
                yield return $"{where}: Name must be letters, digits, '.', '_' or '-' (e.g. sw1).";
            }
            else if (!names.Add(entry.Name))
            {
                yield return $"{where}: Name is given to another switch too.";
            }

            foreach (string problem in entry.EventSocket(shared).Validate())
            {
                yield return $"{where}: {problem}";
            }

            if (switches.Count > 1 && !PeerAddressPattern().IsMatch(entry.PeerAddress))
            {
                yield return $"{where}: PeerAddress must be host:port of the switch's peers profile (e.g. 10.0.0.5:5070), where the other switches ring its agents.";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    // A host (name, IPv4, or IPv6 in brackets) and a port; nothing a dial string would read as a separator.
    [GeneratedRegex(@"^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):[0-9]{1,5}$")]
    private static partial Regex PeerAddressPattern();
}
