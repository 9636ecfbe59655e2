using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Snapshots;
using IvrController.Switches;
using IvrController.Web.Calls;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// One controller serving two switches (IVR_TEST_FREESWITCH and IVR_TEST_FREESWITCH_PEER, both on freeswitch-conf/, which
/// scripts/test.sh starts on loopback with different ports): calls cross from one switch to the other through the peers
/// profile, and click-to-call rings the agent where their phone is. Skipped, saying so, without the second switch.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class SeveralSwitchesTests(Deployment deployment, ITestOutputHelper output)
{
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(3);

    [TwoSwitchFact]
    public Task A_customer_calling_back_through_the_second_switch_reaches_the_agent_registered_on_the_first_masked() =>
        Scene.PlayAsync(deployment, output, async scene =>
        {
            await CallRecords.RememberCallAsync(deployment.Database, Agent, CustomerE164, "+862152810000");
            int phonePort = scene.Phones.FreePort();
            await scene.RegisterAsync(Agent, AgentPassword, phonePort);
            SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(Agent, phonePort));
            await scene.AgentAvailableAsync(Agent);

            SippProcess customer = await scene.StartAsync(scene.PeerPhones!.CustomerCall(Customer, OurNumber, Talk));
            await scene.SucceedsAsync(customer);
            SippResult agentSide = await scene.SucceedsAsync(agentPhone);

            // The agent's phone on the first switch rang showing the mask, and nothing it received names the customer.
            AssertAgentPhoneSawOnlyTheMask(agentSide);

            // The second switch bridged the customer through the peer route to the first one's peers profile ...
            SwitchEvent bridge = await scene.PeerSwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "bridge" && e.Header("Caller-Caller-ID-Number") == Customer,
                "the customer's bridge on the second switch");
            Assert.EndsWith($"sofia/peers/{Agent}@{deployment.Switch.Peers}", bridge.ApplicationData, StringComparison.Ordinal);
            // ... where the call arrived in context peers carrying the mask, and nothing the first switch knew of it holds the number.
            await scene.SwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "bridge" && e.Header("Caller-Context") == "peers"
                    && e.Header("Caller-Caller-ID-Number") == CustomerMasked && e.Header("Caller-Caller-ID-Name") == CustomerMasked,
                "the first switch ringing its agent for the second");
            Assert.DoesNotContain(scene.SwitchEvents, e => e.Headers.Values.Any(value => value.Contains(Customer, StringComparison.Ordinal)));

            await scene.ControllerLogsAsync(
                e => e.Message.Contains($"agent {Agent} called", StringComparison.Ordinal) && e.Message.Contains("→ ring", StringComparison.Ordinal),
                "the controller's decision to ring agent 1001");
            Assert.Equal("callback|1001|1001|agent_answered|sw2", await CallRecords.LatestInboundCallAsync(deployment.Database, scene.StartedAt));
            AssertControllerLogHidesTheCustomer(scene);
        }, nameof(A_customer_calling_back_through_the_second_switch_reaches_the_agent_registered_on_the_first_masked));

    [TwoSwitchFact]
    public Task Click_to_call_for_an_agent_registered_on_the_second_switch_rings_them_and_calls_out_there() =>
        Scene.PlayAsync(deployment, output, async scene =>
        {
            await scene.UnregisterAsync(Agent, AgentPassword);
            Phones second = scene.PeerPhones!;
            int phonePort = second.FreePort();
            await scene.RegisterOnPeerAsync(Agent, AgentPassword, phonePort);
            // Where agent 1001 is, as the controller (and its console's Live page) says it.
            Assert.Equal(["sw2"], deployment.Service<SwitchFleet>().Where(Agent).Select(s => s.Name));
            LiveAgent live = LiveView().Read().Agents.Single(a => a.Id == Agent);
            Assert.Equal(("registered", "sw2"), (live.State, live.Switches));
            SippProcess agentPhone = await scene.StartAsync(second.AgentAnswering(Agent, phonePort));
            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, Talk));

            var (exitCode, text, error) = await deployment.ClickToCallAsync(Agent, Customer);

            Assert.True(exitCode == 0, $"ivrctl call exited {exitCode}: {error}{text}");
            Assert.Contains($"Connected: {CustomerMasked} answered", text, StringComparison.Ordinal);
            await scene.SucceedsAsync(pstn);
            SippResult agentSide = await scene.SucceedsAsync(agentPhone);
            SipMessage ring = Assert.Single(agentSide.Received, m => m.IsRequest("INVITE"));
            Assert.Equal(CustomerMasked, SipMessage.UserOf(ring.Header("From")));
            Assert.All(agentSide.Received, m => Assert.DoesNotContain(Customer, m.Text, StringComparison.Ordinal));

            Assert.Equal("sw2", (await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt)).SwitchName);
            // Both legs ran on the second switch: the customer's left through its carrier gateway, the first switch saw no call.
            await scene.PeerSwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "bridge" && (e.ApplicationData ?? "").EndsWith($"sofia/gateway/pstn/{Customer}", StringComparison.Ordinal),
                "the customer's leg leaving the second switch");
            Assert.DoesNotContain(scene.SwitchEvents, e => e.Is("CHANNEL_CREATE"));
            AssertControllerLogHidesTheCustomer(scene);
        }, nameof(Click_to_call_for_an_agent_registered_on_the_second_switch_rings_them_and_calls_out_there));

    private ConsoleLiveView LiveView() => new(
        deployment.Service<LiveRules>(), deployment.Service<SwitchFleet>(), deployment.Service<CallDispatcher>(),
        deployment.Service<CallRecordJournal>(), TimeProvider.System);
}
