using System.Runtime.CompilerServices;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using IvrController.Rules.Numbers;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// Accepting a deployment: the issue's six promises, each checked on the real switch with sipp
/// phones around it, the controller in between and the demo call centre loaded. Skipped (never
/// passed) without IVR_TEST_FREESWITCH; see README "Accepting a deployment: the real-switch suite".
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed partial class AcceptanceTests(Deployment deployment, ITestOutputHelper output)
{
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(3);

    [RealSwitchFact]
    public Task The_pstn_side_sees_the_caller_number_the_rules_chose() => PlayAsync(async scene =>
    {
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, Talk));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        SippResult pstnSide = await scene.SucceedsAsync(pstn);
        await scene.SucceedsAsync(agent);

        SipMessage invite = Assert.Single(pstnSide.Received, m => m.IsRequest("INVITE"));
        Assert.StartsWith($"INVITE sip:{Customer}@", invite.StartLine, StringComparison.Ordinal);
        string? shown = SipMessage.UserOf(invite.Header("From"));
        CallRecords.OutboundCall call = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
        // The skill-group rule picks among agent 1001's sales numbers; the record says which one it chose.
        Assert.NotNull(call.CallerNumber);
        Assert.Equal(ChineseNumberNormalizer.Default.Normalize(call.CallerNumber).National, shown);
        Assert.Contains(shown, SalesNumbers);
    });

    [RealSwitchFact]
    public Task The_agents_phone_is_shown_the_customer_masked_when_it_calls_out() => PlayAsync(async scene =>
    {
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, Talk));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        await scene.SucceedsAsync(pstn);
        SippResult agentSide = await scene.SucceedsAsync(agent);

        // The phone dialled the number, so To and Contact echo it; what the switch says about the
        // callee (Remote-Party-ID and the like, which phones display) must be the mask.
        string[] identities = agentSide.Received
            .Where(m => m.CSeqMethod == "INVITE" && m.StatusCode is >= 180 and < 300)
            .SelectMany(m => m.Headers("Remote-Party-ID").Concat(m.Headers("P-Asserted-Identity")).Concat(m.Headers("P-Preferred-Identity")))
            .ToArray();
        Assert.NotEmpty(identities);
        Assert.All(identities, identity => Assert.DoesNotContain(Customer, identity, StringComparison.Ordinal));
        Assert.Contains(identities, identity => SipMessage.UserOf(identity) == CustomerMasked);
        AssertControllerLogHidesTheCustomer(scene);
    });

    [RealSwitchFact]
    public Task A_callback_reaches_the_remembered_agent_whose_phone_never_sees_the_number() => PlayAsync(async scene =>
    {
        // The memory: agent 1001 calls the customer, who hangs up.
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(1)));
        SippProcess call = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        await scene.SucceedsAsync(pstn);
        await scene.SucceedsAsync(call);

        int phonePort = scene.Phones.FreePort();
        await scene.RegisterAsync(Agent, AgentPassword, phonePort);
        SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(Agent, phonePort));
        await scene.AgentAvailableAsync(Agent);

        SippProcess customer = await scene.StartAsync(scene.Phones.CustomerCall(Customer, OurNumber, Talk));
        await scene.SucceedsAsync(customer);
        SippResult agentSide = await scene.SucceedsAsync(agentPhone);

        AssertAgentPhoneSawOnlyTheMask(agentSide);
        await scene.ControllerLogsAsync(e => e.Message.Contains($"agent {Agent} called", StringComparison.Ordinal) && e.Message.Contains("→ ring", StringComparison.Ordinal), "the controller's decision to ring agent 1001");
        AssertControllerLogHidesTheCustomer(scene);
    });

    [RealSwitchFact]
    public Task In_callback_mode_2_an_agent_set_offline_sends_the_customer_to_the_ivr() => PlayAsync(async scene =>
    {
        // Registered, so that only the admin's offline keeps the callback from the phone.
        await scene.RegisterAsync(Agent, AgentPassword, scene.Phones.FreePort());
        await CallRecords.RememberCallAsync(deployment.Database, Agent, CustomerE164, "+862152810000");
        await scene.SetAgentStatusAsync(Agent, "offline");

        await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.CustomerCall(Customer, OurNumber, TimeSpan.FromSeconds(4))));

        await AssertTheCustomerReachedTheIvrWithoutRingingTheAgentAsync(scene);
    });

    [RealSwitchFact]
    public Task In_callback_mode_2_an_agent_not_registered_sends_the_customer_to_the_ivr() => PlayAsync(async scene =>
    {
        await scene.UnregisterAsync(Agent, AgentPassword);
        await CallRecords.RememberCallAsync(deployment.Database, Agent, CustomerE164, "+862152810000");

        await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.CustomerCall(Customer, OurNumber, TimeSpan.FromSeconds(4))));

        await AssertTheCustomerReachedTheIvrWithoutRingingTheAgentAsync(scene);
    });

    [RealSwitchFact]
    public Task The_survey_digit_is_stored_after_the_agent_hangs_up_first() => PlayAsync(async scene =>
    {
        Assert.True(Environment.IsPrivilegedProcess,
            "sipp sends the customer's DTMF (survey-digit-1.pcap) through a raw socket: run the suite as root, or give sipp the capability: setcap cap_net_raw+ep \"$(command -v sipp)\"");
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenRates1, TimeSpan.Zero));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenHangsUp, Agent, AgentPassword, Customer, Talk));
        await scene.SucceedsAsync(agent);
        // The PSTN side's call ends when the switch hangs up after the survey's closing prompt.
        await scene.SucceedsAsync(pstn);

        CallRecords.OutboundCall call = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
        await scene.ControllerLogsAsync(e => e.Message.StartsWith("Survey '", StringComparison.Ordinal) && e.Message.Contains(call.CallUuid.ToString(), StringComparison.Ordinal), "the survey result being stored");
        CallRecords.SurveyResult result = Assert.Single(await CallRecords.SurveyResultsAsync(deployment.Database, call.CallUuid));
        Assert.Equal(new CallRecords.SurveyResult("rated", "1", "满意", 5, Agent, CustomerE164), result);
        // It was the customer's leg, moved by transfer_after_bridge, that heard the outbound survey.
        Assert.Contains(scene.SwitchEvents, e => e.Is("CHANNEL_EXECUTE") && e.Application == "play_and_get_digits"
            && e.Variable("ivr_call_id") == call.CallUuid.ToString() && (e.ApplicationData ?? "").Contains("survey_guide_outbound", StringComparison.Ordinal));
    });

    [RealSwitchFact]
    public Task No_survey_when_the_customer_hangs_up_first() => PlayAsync(async scene =>
    {
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(2)));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        await scene.SucceedsAsync(pstn);
        await scene.SucceedsAsync(agent);

        CallRecords.OutboundCall call = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
        // Once the customer's leg is gone nothing can move it to the survey any more.
        SwitchEvent ended = await scene.SwitchSendsAsync(
            e => e.Is("CHANNEL_HANGUP_COMPLETE") && e.Variable("ivr_call_id") == call.CallUuid.ToString() && e.Header("Call-Direction") == "outbound",
            "the customer's leg to end");
        Assert.Empty(await CallRecords.SurveyResultsAsync(deployment.Database, call.CallUuid));
        Assert.DoesNotContain(scene.SwitchEvents, e => e.Is("CHANNEL_EXECUTE") && e.UniqueId == ended.UniqueId && e.Application == "play_and_get_digits");
        Assert.DoesNotContain(scene.ControllerLog, e => e.Message.Contains("(survey)", StringComparison.Ordinal));
    });

    private static async Task AssertTheCustomerReachedTheIvrWithoutRingingTheAgentAsync(Scene scene)
    {
        SwitchEvent greeting = await scene.SwitchSendsAsync(
            e => e.Is("CHANNEL_EXECUTE") && e.Application == "play_and_get_digits" && e.Header("Caller-Caller-ID-Number") == Customer
                && (e.ApplicationData ?? "").Contains("ivr_welcome", StringComparison.Ordinal),
            "the IVR greeting (play_and_get_digits ... ivr_welcome) on the customer's call");
        Assert.DoesNotContain(scene.SwitchEvents, e => e.Is("CHANNEL_EXECUTE") && e.UniqueId == greeting.UniqueId && e.Application == "bridge");
        await scene.ControllerLogsAsync(
            e => e.Message.Contains($"agent {Agent} called", StringComparison.Ordinal) && e.Message.Contains("→ the IVR (mode 2", StringComparison.Ordinal),
            "the controller's decision: the remembered agent cannot take it, so the IVR (mode 2)");
    }

    /// <summary>Runs one test's scene; on failure the test output gets every log of it.</summary>
    private Task PlayAsync(Func<Scene, Task> test, [CallerMemberName] string name = "") => Scene.PlayAsync(deployment, output, test, name);
}
