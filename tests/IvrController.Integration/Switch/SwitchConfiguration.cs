namespace IvrController.Integration.Switch;

/// <summary>
/// What the switch says about itself (<c>api</c> replies), checked against what the suite needs:
/// calls handed to the suite's controller, the same domain, both profiles up, and gateway
/// <c>pstn</c> sending to the suite's PSTN side. Each problem names the setting to change.
/// </summary>
public sealed record SwitchConfiguration(string ControllerSocket, string Domain, string AgentsProfile, string CarrierProfile, string PstnGateway)
{
    /// <summary>The api commands whose replies make up a <see cref="SwitchConfiguration"/>, in constructor order.</summary>
    public static readonly string[] Commands =
    [
        "global_getvar controller_socket", "global_getvar domain", "sofia status profile agents", "sofia status profile carrier", "sofia status gateway pstn",
    ];

    public IReadOnlyList<string> Problems(SwitchUnderTest target)
    {
        var problems = new List<string>();
        string controllers = ControllerSocket.Trim();
        if (!controllers.Split('|').Select(c => c.Trim()).Contains(target.Controller.ToString()))
        {
            problems.Add($"the switch hands calls to '{controllers}' (controller_socket), but the suite's controller listens on {target.Controller}: " +
                $"start FreeSWITCH with IVR_CONTROLLER_SOCKET={target.Controller}, or set controller= in {SwitchUnderTest.EnvironmentVariable}");
        }

        if (Domain.Trim() != target.Domain)
        {
            problems.Add($"the switch's domain is '{Domain.Trim()}', the suite's is '{target.Domain}': set domain= in {SwitchUnderTest.EnvironmentVariable}");
        }

        foreach ((string name, string status) in (ReadOnlySpan<(string, string)>)[("agents", AgentsProfile), ("carrier", CarrierProfile)])
        {
            if (Refused(status))
            {
                problems.Add($"sofia profile '{name}' is not running: {status.Trim()}");
            }
        }

        if (Refused(PstnGateway))
        {
            problems.Add($"gateway 'pstn' does not exist: {PstnGateway.Trim()}");
        }
        // Proxy, realm, From and To all carry the gateway's address; looking for it anywhere does not
        // depend on how a FreeSWITCH version prints the proxy line.
        else if (!PstnGateway.Contains(target.Pstn.ToString(), StringComparison.Ordinal))
        {
            problems.Add($"gateway 'pstn' does not send to {target.Pstn}, where the suite's PSTN side listens: start FreeSWITCH with " +
                $"IVR_CARRIER_GATEWAY_PROXY={target.Pstn}, or set pstn= in {SwitchUnderTest.EnvironmentVariable}. The gateway:{Environment.NewLine}{PstnGateway.Trim()}");
        }

        return problems;
    }

    private static bool Refused(string reply) =>
        reply.StartsWith("-ERR", StringComparison.Ordinal) || reply.Contains("Invalid Profile", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("Invalid Gateway", StringComparison.OrdinalIgnoreCase);
}
