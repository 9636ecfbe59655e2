using IvrController.Integration.Media;
using IvrController.Integration.Sipp;
using Xunit;
using Xunit.Abstractions;

namespace IvrController.Integration.SelfCheck;

/// <summary>
/// Every phone scenario of the acceptance suite, run against a sipp peer that plays the switch:
/// proves the scenarios parse and their SIP (digest challenges, dialogs, who hangs up first) and
/// media (the survey's DTMF) work, so that a failure on a real switch is about the switch or the
/// controller. What the switch itself does is only checked by the acceptance suite.
/// </summary>
public sealed class ScenarioLoopbackTests(ITestOutputHelper output)
{
    private const string Agent = "1001";
    private const string Password = "agent-1001-secret";
    private const string Domain = "127.0.0.1";
    private static readonly string Ip = LoopbackPair.Loopback.ToString();

    [SippFact]
    public async Task An_agent_registers_by_answering_the_digest_challenge()
    {
        var pair = new LoopbackPair(output, nameof(An_agent_registers_by_answering_the_digest_challenge));
        int registrar = LoopbackPair.Port();

        var runs = await pair.RunAsync(Registrar(registrar), Registering(registrar, Password));

        pair.AssertBothSucceeded(runs);
        SipMessage[] registers = runs.Calling.Messages.Where(m => !m.Received && m.IsRequest("REGISTER")).ToArray();
        Assert.Equal(2, registers.Length);
        Assert.Null(registers[0].Header("Authorization"));
        Assert.Contains($"username=\"{Agent}\"", registers[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("uri=\"sip:127.0.0.1\"", registers[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("120", registers[1].Header("Expires"));
    }

    [SippFact]
    public async Task A_phone_whose_log_directory_is_deeper_than_sipps_file_name_buffer_still_registers()
    {
        // sipp 3.6 aborts ("buffer overflow detected") when given a log path of 250 bytes or more; a
        // deep checkout with a long test name makes one, so sipp is given names relative to its directory.
        string deep = Path.Combine(nameof(A_phone_whose_log_directory_is_deeper_than_sipps_file_name_buffer_still_registers), new string('d', 200));
        var pair = new LoopbackPair(output, deep);
        int registrar = LoopbackPair.Port();
        SippCall registering = Registering(registrar, Password);
        Assert.True(new SippLogFiles(pair.LogDirectory, registering.Name).Messages.Length > SippLogFiles.LongestNameForSipp);

        var runs = await pair.RunAsync(Registrar(registrar), registering);

        pair.AssertBothSucceeded(runs);
        Assert.Equal(2, runs.Calling.Messages.Count(m => !m.Received && m.IsRequest("REGISTER")));
    }

    [SippFact]
    public async Task A_wrong_password_fails_the_registration()
    {
        var pair = new LoopbackPair(output, nameof(A_wrong_password_fails_the_registration));
        int registrar = LoopbackPair.Port();

        var runs = await pair.RunAsync(Registrar(registrar), Registering(registrar, "not-the-secret") with { Timeout = TimeSpan.FromSeconds(10) });

        Assert.False(runs.Calling.Succeeded);
        Assert.Contains(runs.Calling.Received, m => m.StatusCode == 403);
    }

    [SippFact]
    public async Task An_agent_call_answers_the_proxy_challenge_and_the_agent_hangs_up_first()
    {
        var pair = new LoopbackPair(output, nameof(An_agent_call_answers_the_proxy_challenge_and_the_agent_hangs_up_first));
        int switchPort = LoopbackPair.Port();

        var runs = await pair.RunAsync(
            AgentsProfile(Scenarios.PeerSwitchAnswersAgent, switchPort),
            AgentCall(Scenarios.AgentCallsThenHangsUp, switchPort) with { Pause = TimeSpan.FromMilliseconds(500) });

        pair.AssertBothSucceeded(runs);
        SipMessage[] sent = runs.Calling.Messages.Where(m => !m.Received).ToArray();
        Assert.Equal("INVITE ACK INVITE ACK BYE", string.Join(' ', sent.Select(m => m.Method)));
        Assert.Contains($"username=\"{Agent}\"", sent[2].Header("Proxy-Authorization"), StringComparison.Ordinal);
        // The digest covers the request's own URI, as the switch's digest check expects.
        Assert.Contains("uri=\"sip:13800138000@127.0.0.1\"", sent[2].Header("Proxy-Authorization"), StringComparison.Ordinal);
        Assert.Equal("sip:13800138000@127.0.0.1", sent[0].StartLine.Split(' ')[1]);
    }

    [SippFact]
    public async Task An_agent_call_waits_for_the_customer_to_hang_up()
    {
        var pair = new LoopbackPair(output, nameof(An_agent_call_waits_for_the_customer_to_hang_up));
        int switchPort = LoopbackPair.Port();

        var runs = await pair.RunAsync(
            AgentsProfile(Scenarios.PeerSwitchAnswersAgentThenHangsUp, switchPort) with { Pause = TimeSpan.FromMilliseconds(500) },
            AgentCall(Scenarios.AgentCallsThenIsHungUp, switchPort));

        pair.AssertBothSucceeded(runs);
        Assert.Contains(runs.Calling.Received, m => m.IsRequest("BYE"));
        Assert.DoesNotContain(runs.Calling.Messages, m => !m.Received && m.IsRequest("BYE"));
    }

    [SippFact(NeedsRawSockets = true)]
    public async Task The_pstn_side_shows_the_caller_id_it_got_and_presses_1_as_rfc_2833_events()
    {
        var pair = new LoopbackPair(output, nameof(The_pstn_side_shows_the_caller_id_it_got_and_presses_1_as_rfc_2833_events));
        DtmfTrack.WriteSurveyAnswer(pair.ScenarioDirectory);
        int pstnPort = LoopbackPair.Port();
        await using var media = new RtpSink(LoopbackPair.Loopback);

        // The peer hangs up a second after the first press is due (6 s into the media).
        var runs = await pair.RunAsync(
            Phone("pstn", Scenarios.PstnAnswersThenRates1, pstnPort),
            Peer("gateway", Scenarios.PeerGatewayCallsCustomer, pstnPort, "13800138000", media.Port) with { Pause = TimeSpan.FromSeconds(7) });

        pair.AssertBothSucceeded(runs);
        Assert.Contains("PSTN side: INVITE to 13800138000 shows caller ID 02152810000", File.ReadAllText(runs.Waiting.Logs.Actions), StringComparison.Ordinal);
        await media.EventEnded.WaitAsync(TimeSpan.FromSeconds(5));
        RtpPacket[] events = media.Packets.Where(p => p.PayloadType == DtmfTrack.TelephoneEventType).ToArray();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(1, TelephoneEvent.Decode(e.Payload).Event));
        Assert.True(events[0].Marker);
        Assert.Equal(DtmfTrack.EndPacketCopies, events.Count(e => TelephoneEvent.Decode(e.Payload).End));
        Assert.Contains(media.Packets, p => p.PayloadType == DtmfTrack.Pcmu);
    }

    [SippFact]
    public async Task The_pstn_side_can_hang_up_first()
    {
        var pair = new LoopbackPair(output, nameof(The_pstn_side_can_hang_up_first));
        int pstnPort = LoopbackPair.Port();

        var runs = await pair.RunAsync(
            Phone("pstn", Scenarios.PstnAnswersThenHangsUp, pstnPort) with { Pause = TimeSpan.FromMilliseconds(500) },
            Peer("gateway", Scenarios.PeerGatewayCallsCustomerWhoHangsUp, pstnPort, "13800138000", LoopbackPair.Port()));

        pair.AssertBothSucceeded(runs);
        SipMessage bye = Assert.Single(runs.Waiting.Messages, m => !m.Received && m.IsRequest("BYE"));
        // The BYE goes back in the dialog: From is the callee with our tag, To the caller with its tag.
        Assert.Equal("13800138000", SipMessage.UserOf(bye.Header("From")));
        Assert.Equal("02152810000", SipMessage.UserOf(bye.Header("To")));
        Assert.Contains(";tag=", bye.Header("To"), StringComparison.Ordinal);
    }

    [SippFact]
    public async Task A_customer_calls_our_number_from_their_own()
    {
        var pair = new LoopbackPair(output, nameof(A_customer_calls_our_number_from_their_own));
        int carrierPort = LoopbackPair.Port();

        var runs = await pair.RunAsync(
            SwitchSide("carrier", Scenarios.PeerCarrierProfileAnswers, carrierPort),
            new SippCall
            {
                Name = "customer", Scenario = Scenarios.CustomerCallsOurNumber, LocalIp = Ip, LocalPort = LoopbackPair.Port(),
                Remote = $"{Ip}:{carrierPort}", Service = "02152810000", Pause = TimeSpan.FromMilliseconds(500),
                Variables = new Dictionary<string, string> { ["caller"] = "13800138000" }, Timeout = TimeSpan.FromSeconds(20),
            });

        pair.AssertBothSucceeded(runs);
        SipMessage invite = Assert.Single(runs.Waiting.Received, m => m.IsRequest("INVITE"));
        Assert.Equal("13800138000", SipMessage.UserOf(invite.Header("From")));
        Assert.StartsWith("INVITE sip:02152810000@", invite.StartLine, StringComparison.Ordinal);
    }

    [SippFact]
    public async Task An_agent_phone_answers_a_callback_and_records_who_it_is_from()
    {
        var pair = new LoopbackPair(output, nameof(An_agent_phone_answers_a_callback_and_records_who_it_is_from));
        int agentPort = LoopbackPair.Port();

        var runs = await pair.RunAsync(
            Phone("agent-1001", Scenarios.AgentAnswersCallback, agentPort),
            Peer("switch", Scenarios.PeerSwitchRingsAgent, agentPort, Agent, rtpPort: null) with { Pause = TimeSpan.FromMilliseconds(500) });

        pair.AssertBothSucceeded(runs);
        SipMessage invite = Assert.Single(runs.Waiting.Received, m => m.IsRequest("INVITE"));
        Assert.Equal("138****8000", SipMessage.UserOf(invite.Header("From")));
        Assert.Equal("138****8000", SipMessage.DisplayNameOf(invite.Header("From")));
        Assert.Contains("Agent phone: INVITE from 138****8000", File.ReadAllText(runs.Waiting.Logs.Actions), StringComparison.Ordinal);
    }

    private static SippCall Registrar(int port) => SwitchSide("registrar", Scenarios.PeerRegistrar, port) with
    {
        Variables = new Dictionary<string, string> { ["user"] = Agent, ["password"] = Password, ["domain"] = Domain },
    };

    private static SippCall Registering(int registrar, string password) => new()
    {
        Name = "agent-1001-register", Scenario = Scenarios.AgentRegisters, LocalIp = Ip, LocalPort = LoopbackPair.Port(),
        Remote = $"{Ip}:{registrar}", AuthUser = Agent, AuthPassword = password, AuthUri = Domain, Timeout = TimeSpan.FromSeconds(20),
        Variables = new Dictionary<string, string> { ["user"] = Agent, ["domain"] = Domain, ["expires"] = "120" },
    };

    private static SippCall AgentCall(string scenario, int switchPort) => new()
    {
        Name = "agent-1001", Scenario = scenario, LocalIp = Ip, LocalPort = LoopbackPair.Port(), Remote = $"{Ip}:{switchPort}",
        Service = "13800138000", AuthUser = Agent, AuthPassword = Password, AuthUri = $"13800138000@{Domain}", Timeout = TimeSpan.FromSeconds(20),
        Variables = new Dictionary<string, string> { ["user"] = Agent, ["domain"] = Domain },
    };

    private static SippCall SwitchSide(string name, string scenario, int port) => new()
    {
        Name = name, Scenario = scenario, LocalIp = Ip, LocalPort = port, Timeout = TimeSpan.FromSeconds(20),
    };

    private static SippCall AgentsProfile(string scenario, int port) => SwitchSide("switch", scenario, port) with
    {
        Variables = new Dictionary<string, string> { ["user"] = Agent, ["domain"] = Domain },
    };

    private static SippCall Phone(string name, string scenario, int port) => new()
    {
        Name = name, Scenario = scenario, LocalIp = Ip, LocalPort = port, Timeout = TimeSpan.FromSeconds(30),
    };

    private static SippCall Peer(string name, string scenario, int remotePort, string service, int? rtpPort) => new()
    {
        Name = name, Scenario = scenario, LocalIp = Ip, LocalPort = LoopbackPair.Port(), Remote = $"{Ip}:{remotePort}",
        Service = service, Timeout = TimeSpan.FromSeconds(30),
        Variables = rtpPort is { } port ? new Dictionary<string, string> { ["rtp_port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new Dictionary<string, string>(),
    };
}
