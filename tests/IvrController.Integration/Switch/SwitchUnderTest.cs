using IvrController.Esl.Inbound;

namespace IvrController.Integration.Switch;

/// <summary>
/// The FreeSWITCH the acceptance suite drives, from <c>IVR_TEST_FREESWITCH</c>:
/// <c>esl=127.0.0.1:8021;password=SECRET;agents=127.0.0.1:5060;carrier=127.0.0.1:5080;pstn=127.0.0.1:5090;controller=127.0.0.1:8084;domain=127.0.0.1;peers=127.0.0.1:5070</c>.
/// Only the password has no default; the defaults are those of freeswitch-conf/vars.xml. A second switch of the same
/// call centre, for the tests across switches, is named the same way in <c>IVR_TEST_FREESWITCH_PEER</c>.
/// </summary>
public sealed record SwitchUnderTest(
    HostPort Esl,
    string Password,
    HostPort Agents,
    HostPort Carrier,
    HostPort Pstn,
    HostPort Controller,
    string Domain,
    HostPort Peers)
{
    public const string EnvironmentVariable = "IVR_TEST_FREESWITCH";

    /// <summary>The second switch of the tests across switches (same format); unset, those tests are skipped.</summary>
    public const string PeerVariable = "IVR_TEST_FREESWITCH_PEER";

    public const string FormatHelp =
        $"Format: {EnvironmentVariable}='esl=127.0.0.1:8021;password=SECRET;agents=127.0.0.1:5060;carrier=127.0.0.1:5080;" +
        "pstn=127.0.0.1:5090;controller=127.0.0.1:8084;domain=127.0.0.1;peers=127.0.0.1:5070' (only password is required; the others default to " +
        "the values shown, which are those of freeswitch-conf/vars.xml). See README: \"Accepting a deployment: the real-switch suite\".";

    /// <summary>What every acceptance test says when it is skipped: it did not run, and how to make it run.</summary>
    public const string SkipReason =
        $"NOT RUN - NO SWITCH: {EnvironmentVariable} is not set, so this real-switch acceptance test was SKIPPED, not passed. " +
        "Install FreeSWITCH (scripts/test.sh then starts one on freeswitch-conf/ by itself), or start one on freeswitch-conf/ and set " +
        $"{EnvironmentVariable}='password=<the switch's IVR_ESL_PASSWORD>' (README: \"Accepting a deployment: the real-switch suite\").";

    /// <summary>What a test across switches says when it is skipped for want of the second switch.</summary>
    public const string NoPeerSkipReason =
        $"NOT RUN - NO SECOND SWITCH: {PeerVariable} is not set, so this test across two switches was SKIPPED, not passed. " +
        $"scripts/test.sh with {EnvironmentVariable}=start starts both switches by itself; for switches already running, set {PeerVariable} " +
        $"to the second one's settings in the format of {EnvironmentVariable} (README: \"Several switches\").";

    private static readonly string[] Keys = ["esl", "password", "agents", "carrier", "pstn", "controller", "domain", "peers"];
    private static readonly System.Buffers.SearchValues<char> NotInDomain = System.Buffers.SearchValues.Create("/@:;, <>\"");
    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(" \t\r\n");

    /// <summary>Whether the suite is asked for at all: the variable is set and not blank.</summary>
    public static bool IsRequested => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The switch named in the environment; throws <see cref="SwitchSettingsException"/> when the value is wrong.</summary>
    public static SwitchUnderTest FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "");

    /// <summary>Whether a second switch is named for the tests across switches.</summary>
    public static bool IsPeerRequested => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PeerVariable));

    /// <summary>The second switch named in the environment; throws <see cref="SwitchSettingsException"/> when the value is wrong.</summary>
    public static SwitchUnderTest PeerFromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(PeerVariable) ?? "");

    /// <summary>Parses the variable's value; throws <see cref="SwitchSettingsException"/> listing every problem.</summary>
    public static SwitchUnderTest Parse(string text)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in text.Split(';'))
        {
            string entry = part.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? entry : entry[..equals]).Trim().ToLowerInvariant();
            if (equals < 0)
            {
                problems.Add($"'{entry}' is not key=value");
            }
            else if (!Keys.Contains(key))
            {
                problems.Add($"unknown key '{key}' (known: {string.Join(", ", Keys)})");
            }
            else if (!values.TryAdd(key, entry[(equals + 1)..].Trim()))
            {
                problems.Add($"'{key}' is given twice");
            }
        }

        string password = values.GetValueOrDefault("password", "");
        if (password.Length == 0)
        {
            problems.Add("password is missing: give the switch's event socket password (IVR_ESL_PASSWORD of freeswitch-conf/vars.xml)");
        }
        else if (UnsafeEslPasswords.Reason(password) is { } unsafeReason)
        {
            problems.Add($"password is refused by the controller: {unsafeReason}; start the switch with a random IVR_ESL_PASSWORD and give the same here");
        }
        else if (password.AsSpan().IndexOfAny(WhiteSpace) >= 0)
        {
            problems.Add("password contains white space, which the event socket's auth command cannot carry");
        }

        HostPort esl = Address("esl", "127.0.0.1:8021");
        HostPort agents = Address("agents", "127.0.0.1:5060");
        HostPort carrier = Address("carrier", "127.0.0.1:5080");
        HostPort pstn = Address("pstn", "127.0.0.1:5090");
        HostPort controller = Address("controller", "127.0.0.1:8084");
        HostPort peers = Address("peers", "127.0.0.1:5070");
        string domain = values.GetValueOrDefault("domain", "127.0.0.1");
        if (domain.Length == 0 || domain.AsSpan().IndexOfAny(NotInDomain) >= 0)
        {
            problems.Add($"domain '{domain}' is not a SIP domain (a dotted name or IPv4 address, as vars.xml's domain)");
        }

        if (!System.Net.IPAddress.TryParse(pstn.Host, out _))
        {
            problems.Add($"pstn host '{pstn.Host}' must be an IP address: sipp binds every phone of the suite to it");
        }

        if (!System.Net.IPAddress.TryParse(controller.Host, out _))
        {
            problems.Add($"controller host '{controller.Host}' must be an IP address: the suite's controller listens on it");
        }

        if (problems.Count > 0)
        {
            throw new SwitchSettingsException(problems);
        }

        return new SwitchUnderTest(esl, password, agents, carrier, pstn, controller, domain, peers);

        HostPort Address(string key, string fallback)
        {
            string value = values.GetValueOrDefault(key, fallback);
            if (HostPort.TryParse(value, out HostPort? parsed, out string? problem))
            {
                return parsed!;
            }

            problems.Add($"{key}: {problem}");
            return HostPort.TryParse(fallback, out HostPort? standIn, out _) ? standIn! : throw new InvalidOperationException(fallback);
        }
    }

    /// <summary>For logs: everything but the password.</summary>
    public override string ToString() =>
        $"esl={Esl};password=(hidden);agents={Agents};carrier={Carrier};pstn={Pstn};controller={Controller};domain={Domain};peers={Peers}";
}
