using IvrController.Esl.Inbound;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using IvrController.Presence;
using Xunit;
using Xunit.Abstractions;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>The switch restarted under the controller: only on a switch the test run owns.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class SwitchRestartTests(Deployment deployment, ITestOutputHelper output)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [ManagedSwitchFact]
    public Task After_a_switch_restart_the_controller_rebuilds_presence_within_two_seconds_of_the_event_socket_reopening() =>
        Scene.PlayAsync(deployment, output, async scene =>
        {
            await scene.RegisterAsync(Agent, AgentPassword, scene.Phones.FreePort());
            PresenceTracker tracker = deployment.Service<PresenceTracker>();
            var rebuilt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            EventHandler<PresenceReconciliation> reconciled = (_, _) => rebuilt.TrySetResult(DateTimeOffset.UtcNow);
            EventHandler<InboundConnectionChange> suiteConnection = (_, change) =>
            {
                if (change.IsConnected)
                {
                    watching.TrySetResult();
                }
            };
            deployment.Events.Client.ConnectionChanged += suiteConnection;
            try
            {
                DateTimeOffset reopened = await RestartSwitchAsync();
                tracker.Reconciled += reconciled;
                if (tracker.Presence.IsSynchronized && tracker.Presence.Snapshot().SynchronizedAt is { } at && at >= reopened - Promise)
                {
                    rebuilt.TrySetResult(at);
                }

                DateTimeOffset back = await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
                output.WriteLine($"event socket reopened at {reopened:HH:mm:ss.fff}, presence rebuilt at {back:HH:mm:ss.fff}");
                Assert.True(back - reopened <= Promise, $"presence was rebuilt {(back - reopened).TotalSeconds:0.0} s after the switch's event socket reopened");
                await watching.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            finally
            {
                tracker.Reconciled -= reconciled;
                deployment.Events.Client.ConnectionChanged -= suiteConnection;
            }

            // The rebuilt view agrees with the switch about the agent.
            string contacts = await deployment.Events.ApiAsync($"sofia_contact {Agent}@{deployment.Switch.Domain}");
            Assert.Equal(!contacts.Contains("user_not_registered", StringComparison.Ordinal), tracker.IsRegistered(Agent));
        }, nameof(After_a_switch_restart_the_controller_rebuilds_presence_within_two_seconds_of_the_event_socket_reopening));

    [ManagedPeerSwitchFact]
    public Task While_the_second_switch_is_down_calls_on_the_first_go_on() =>
        Scene.PlayAsync(deployment, output, async scene =>
        {
            int phonePort = scene.Phones.FreePort();
            await scene.RegisterAsync(Agent, AgentPassword, phonePort);
            await deployment.WithPeerSwitchDownAsync(output, async peer =>
            {
                await Polling.UntilAsync(() => !peer.IsSynchronized, "the controller to count the stopped second switch out of sync", TimeSpan.FromSeconds(30));

                // An agent's call out through the first switch ...
                SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(1)));
                await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero)));
                SipMessage invite = Assert.Single((await scene.SucceedsAsync(pstn)).Received, m => m.IsRequest("INVITE"));
                Assert.Contains(SipMessage.UserOf(invite.Header("From")), SalesNumbers);

                // ... and the customer's callback through it, to the agent registered there.
                SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(Agent, phonePort));
                await scene.AgentAvailableAsync(Agent);
                await scene.SucceedsAsync(await scene.StartAsync(scene.Phones.CustomerCall(Customer, OurNumber, TimeSpan.FromSeconds(2))));
                AssertAgentPhoneSawOnlyTheMask(await scene.SucceedsAsync(agentPhone));
                Assert.Equal($"callback|{Agent}|{Agent}|agent_answered|sw1", await CallRecords.LatestInboundCallAsync(deployment.Database, scene.StartedAt));
                Assert.False(peer.IsSynchronized, "the second switch came back during the test: it did not show that calls go on without it");
            });
        }, nameof(While_the_second_switch_is_down_calls_on_the_first_go_on));

    /// <summary>Restarts the switch; returns when its event socket accepted connections again.</summary>
    private async Task<DateTimeOffset> RestartSwitchAsync()
    {
        await deployment.RestartSwitchAsync(output);
        return DateTimeOffset.UtcNow;
    }
}
