using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using Xunit;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>Faults on the real switch: click-to-call end to end, a database outage, a controller restarted mid-call.</summary>
public sealed partial class AcceptanceTests
{
    private const string OpenOrClosed = "select count(*) from outbound_calls where call_uuid = @call and ended_at is not null";

    [RealSwitchFact]
    public Task Click_to_call_rings_the_agent_masked_then_the_customer_with_the_rules_caller_number() => PlayAsync(async scene =>
    {
        int phonePort = scene.Phones.FreePort();
        await scene.RegisterAsync(Agent, AgentPassword, phonePort);
        SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(Agent, phonePort));
        await scene.AgentAvailableAsync(Agent);
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, Talk));

        var (exitCode, text, error) = await deployment.ClickToCallAsync(Agent, Customer);

        Assert.True(exitCode == 0, $"ivrctl call exited {exitCode}: {error}{text}");
        Assert.Contains($"Connected: {CustomerMasked} answered", text, StringComparison.Ordinal);
        SippResult pstnSide = await scene.SucceedsAsync(pstn);
        SippResult agentSide = await scene.SucceedsAsync(agentPhone);

        // The agent's phone rang showing the mask, and nothing it received names the customer.
        SipMessage ring = Assert.Single(agentSide.Received, m => m.IsRequest("INVITE"));
        Assert.Equal(CustomerMasked, SipMessage.UserOf(ring.Header("From")));
        Assert.Equal(CustomerMasked, SipMessage.DisplayNameOf(ring.Header("From")));
        Assert.All(agentSide.Received, m => Assert.DoesNotContain(Customer, m.Text, StringComparison.Ordinal));
        // The customer was called with the number the rules chose for this call.
        SipMessage invite = Assert.Single(pstnSide.Received, m => m.IsRequest("INVITE"));
        Assert.StartsWith($"INVITE sip:{Customer}@", invite.StartLine, StringComparison.Ordinal);
        CallRecords.OutboundCall call = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
        Assert.Equal(Rules.Numbers.ChineseNumberNormalizer.Default.Normalize(call.CallerNumber!).National, SipMessage.UserOf(invite.Header("From")));
        Assert.DoesNotContain(text + error, Customer, StringComparison.Ordinal);
        AssertControllerLogHidesTheCustomer(scene);
    });

    [RealSwitchFact]
    public Task Click_to_call_to_an_agent_whose_phone_is_not_registered_fails_with_the_cause() => PlayAsync(async scene =>
    {
        await scene.UnregisterAsync(Agent, AgentPassword);

        var (exitCode, text, error) = await deployment.ClickToCallAsync(Agent, Customer);

        Assert.Equal(1, exitCode);
        Assert.Contains("USER_NOT_REGISTERED", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Connected", text, StringComparison.Ordinal);
    });

    [RealSwitchFact]
    public Task During_a_database_outage_calls_callbacks_the_ivr_and_surveys_work_and_every_record_arrives_later() => PlayAsync(async scene =>
    {
        Assert.True(Environment.IsPrivilegedProcess, "sipp sends the customer's DTMF through a raw socket: run the suite as root");
        int phonePort = scene.Phones.FreePort();
        await scene.RegisterAsync(Agent, AgentPassword, phonePort);
        deployment.DatabaseLink.Cut();
        try
        {
            // An outbound call whose customer rates it after the agent hangs up.
            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenRates1, TimeSpan.Zero));
            SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenHangsUp, Agent, AgentPassword, Customer, Talk));
            await scene.SucceedsAsync(agent);
            await scene.SucceedsAsync(pstn);
            SwitchEvent survey = await scene.SwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE_COMPLETE") && e.Application == "play_and_get_digits" && e.Variable("ivr_call_id") is not null,
                "the survey's digit on the customer's leg");
            Guid callUuid = Guid.Parse(survey.Variable("ivr_call_id")!);

            // The customer calls back: the agent who called them during the outage takes it.
            SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(Agent, phonePort));
            await scene.AgentAvailableAsync(Agent);
            await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.CustomerCall(Customer, OurNumber, Talk)));
            SippResult agentSide = await scene.SucceedsAsync(agentPhone);
            Assert.Equal(CustomerMasked, SipMessage.UserOf(Assert.Single(agentSide.Received, m => m.IsRequest("INVITE")).Header("From")));

            // Someone the centre never called gets the IVR of the number they dialled.
            await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.CustomerCall("13900139000", OurNumber, TimeSpan.FromSeconds(3))));
            await scene.SwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "play_and_get_digits" && e.Header("Caller-Caller-ID-Number") == "13900139000"
                    && (e.ApplicationData ?? "").Contains("ivr_welcome", StringComparison.Ordinal),
                "the IVR greeting for a caller without memory");

            deployment.DatabaseLink.Restore();
            await CallRecords.WaitForRowAsync(deployment.Database, OpenOrClosed, callUuid, "the outage's outbound call with its end", TimeSpan.FromSeconds(60));
            await CallRecords.WaitForRowAsync(deployment.Database, "select count(*) from survey_results where call_uuid = @call and digit = '1'", callUuid, "the outage's survey result", TimeSpan.FromSeconds(60));
            Assert.DoesNotContain(scene.ControllerLog, e => e.Message.Contains("the call handler failed", StringComparison.Ordinal));
            Assert.DoesNotContain(scene.ControllerLog, e => e.Message.Contains("failed inside the controller", StringComparison.Ordinal));
        }
        finally
        {
            deployment.DatabaseLink.Restore();
        }
    });

    [RealSwitchFact]
    public Task A_database_that_stops_answering_does_not_hold_up_the_customers_phone() => PlayAsync(async scene =>
    {
        deployment.DatabaseLink.Stall();
        try
        {
            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(2)));
            SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
            bool AgentLeg(SwitchEvent e) => (e.Header("Channel-Name") ?? "").StartsWith($"sofia/agents/{Agent}@", StringComparison.Ordinal);
            SwitchEvent handedOver = await scene.SwitchSendsAsync(e => e.Is("CHANNEL_EXECUTE") && e.Application == "socket" && AgentLeg(e), "the agent's call handed to the controller");
            SwitchEvent bridging = await scene.SwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "bridge" && e.UniqueId == handedOver.UniqueId, "the controller's bridge to the customer");

            // The call's row waits for the database (up to the journal's 2 s deadline); the customer's phone does not.
            TimeSpan setUp = TimeSpan.FromMicroseconds(long.Parse(bridging.Header("Event-Date-Timestamp")!) - long.Parse(handedOver.Header("Event-Date-Timestamp")!));
            Assert.True(setUp < TimeSpan.FromSeconds(1), $"the bridge went out {setUp.TotalMilliseconds:0} ms after the call reached the controller");
            await scene.SucceedsAsync(pstn);
            await scene.SucceedsAsync(agent);

            deployment.DatabaseLink.Restore();
            await CallRecords.WaitForRowAsync(deployment.Database, OpenOrClosed, Guid.Parse(handedOver.UniqueId!), "the call's row with its end, through the journal", TimeSpan.FromSeconds(60));
        }
        finally
        {
            deployment.DatabaseLink.Restore();
        }
    });

    [RealSwitchFact]
    public Task A_call_that_ends_while_the_controller_is_down_is_closed_when_it_comes_back() => PlayAsync(async scene =>
    {
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(4)));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        Guid callUuid = await BridgedAgentLegAsync(scene);

        await deployment.RestartControllerAsync(async () =>
        {
            // The conversation goes on and ends without a controller.
            await scene.SucceedsAsync(pstn);
            await scene.SucceedsAsync(agent);
            await scene.SwitchSendsAsync(e => e.Is("CHANNEL_HANGUP_COMPLETE") && e.UniqueId == callUuid.ToString(), "the agent leg to end");
            Assert.Equal((null, false), await CallRecords.EndOfAsync(deployment.Database, callUuid));
        });

        await CallRecords.WaitForRowAsync(deployment.Database, OpenOrClosed, callUuid, "the end of the call that ended while the controller was down", TimeSpan.FromSeconds(30));
        Assert.Equal(("ENDED_UNOBSERVED", true), await CallRecords.EndOfAsync(deployment.Database, callUuid));
    });

    [RealSwitchFact]
    public Task A_call_that_outlives_a_controller_restart_has_its_end_recorded_by_the_new_one() => PlayAsync(async scene =>
    {
        SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(8)));
        SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero));
        Guid callUuid = await BridgedAgentLegAsync(scene);

        await deployment.RestartControllerAsync();
        await scene.ControllerLogsAsync(
            e => e.Message.Contains($"Call {callUuid} outlived the previous controller and is still up", StringComparison.Ordinal),
            "the new controller taking over the watch of the call in progress");
        await scene.SucceedsAsync(pstn);
        await scene.SucceedsAsync(agent);

        await CallRecords.WaitForRowAsync(deployment.Database, OpenOrClosed, callUuid, "the end of the call that outlived the controller", TimeSpan.FromSeconds(30));
        Assert.Equal(("SUCCESS", true), await CallRecords.EndOfAsync(deployment.Database, callUuid));
    });

    /// <summary>The agent leg of the call in progress once the customer answered; its UUID is the call's id in the call log.</summary>
    private static async Task<Guid> BridgedAgentLegAsync(Scene scene)
    {
        SwitchEvent bridged = await scene.SwitchSendsAsync(
            e => e.Is("CHANNEL_BRIDGE") && (e.Header("Channel-Name") ?? "").StartsWith($"sofia/agents/{Agent}@", StringComparison.Ordinal),
            "the agent's call to be bridged to the customer");
        return Guid.Parse(bridged.UniqueId!);
    }
}
