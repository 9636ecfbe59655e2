using System.Net;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;

namespace IvrController.Integration.Acceptance;

/// <summary>The sipp phones of the acceptance suite, addressed at the switch under test.</summary>
public sealed class Phones(SwitchUnderTest target)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Every phone binds to the PSTN side's address: it must be in the carrier ACL (carrier_cidr) anyway.</summary>
    public string LocalIp => target.Pstn.Host;

    public int FreePort() => UdpPorts.Allocate(IPAddress.Parse(LocalIp));

    /// <summary>Registers (or with <paramref name="register"/> false, unregisters) the agent's phone at <paramref name="port"/>.</summary>
    public SippCall AgentRegistration(string agent, string password, int port, bool register) => new()
    {
        Name = $"agent-{agent}-{(register ? "register" : "unregister")}", Scenario = Scenarios.AgentRegisters,
        LocalIp = LocalIp, LocalPort = port, Remote = target.Agents.ToString(), AuthUser = agent, AuthPassword = password,
        AuthUri = target.Domain, Timeout = TimeSpan.FromSeconds(20),
        Variables = new Dictionary<string, string> { ["user"] = agent, ["domain"] = target.Domain, ["expires"] = register ? "300" : "0" },
    };

    /// <summary>The agent dials <paramref name="dialled"/>; <paramref name="scenario"/> says who hangs up first.</summary>
    public SippCall AgentCall(string scenario, string agent, string password, string dialled, TimeSpan talk) => new()
    {
        Name = $"agent-{agent}-call", Scenario = scenario, LocalIp = LocalIp, LocalPort = FreePort(), Remote = target.Agents.ToString(),
        Service = dialled, AuthUser = agent, AuthPassword = password, AuthUri = $"{dialled}@{target.Domain}", Pause = talk, Timeout = CallTimeout,
        Variables = new Dictionary<string, string> { ["user"] = agent, ["domain"] = target.Domain },
    };

    /// <summary>The PSTN side, listening where gateway <c>pstn</c> sends calls.</summary>
    public SippCall PstnSide(string scenario, TimeSpan talk) => new()
    {
        Name = "pstn", Scenario = scenario, LocalIp = target.Pstn.Host, LocalPort = target.Pstn.Port,
        MediaPort = FreePort(), Pause = talk, Timeout = CallTimeout,
    };

    /// <summary>A customer calling one of our numbers through the carrier profile.</summary>
    public SippCall CustomerCall(string caller, string ourNumber, TimeSpan talk) => new()
    {
        Name = "customer", Scenario = Scenarios.CustomerCallsOurNumber, LocalIp = LocalIp, LocalPort = FreePort(),
        Remote = target.Carrier.ToString(), Service = ourNumber, Pause = talk, Timeout = CallTimeout,
        Variables = new Dictionary<string, string> { ["caller"] = caller },
    };

    /// <summary>The agent's phone waiting for a call at the port it registered from.</summary>
    public SippCall AgentAnswering(string agent, int port) => new()
    {
        Name = $"agent-{agent}-answer", Scenario = Scenarios.AgentAnswersCallback, LocalIp = LocalIp, LocalPort = port, Timeout = CallTimeout,
    };
}
