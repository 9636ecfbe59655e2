using System.Globalization;

namespace IvrController.Integration.Switch;

/// <summary>A <c>host:port</c> as IVR_TEST_FREESWITCH names one (IPv6 hosts in brackets: <c>[::1]:5060</c>).</summary>
public sealed record HostPort(string Host, int Port)
{
    /// <summary>The host as SIP and sipp want it: IPv6 in brackets.</summary>
    public string UriHost => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => $"{UriHost}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <paramref name="text"/>, or says in <paramref name="problem"/> what is wrong with it.</summary>
    public static bool TryParse(string text, out HostPort? value, out string? problem)
    {
        value = null;
        problem = null;
        string host;
        string port;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                problem = $"'{text}' is not [ipv6]:port";
                return false;
            }

            host = text[1..close];
            port = text[(close + 2)..];
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon < 0 || text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                problem = $"'{text}' is not host:port";
                return false;
            }

            host = text[..colon];
            port = text[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            problem = $"'{text}' has no host";
            return false;
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
        {
            problem = $"'{text}' has no port from 1 to 65535";
            return false;
        }

        value = new HostPort(host, number);
        return true;
    }
}
