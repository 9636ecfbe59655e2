using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using IvrController.Rules.Numbers;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// Two controllers on one database and two switches (<see cref="Deployment.AsOneOfTwoControllersAsync"/>): the suite's
/// own, which the first switch hands its calls to, and a second <c>ivrctl serve</c> process, which the second switch
/// tries first and falls back from to the suite's. Skipped, saying so, without the second switch or controller.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class SeveralControllersTests(Deployment deployment, ITestOutputHelper output)
{
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(3);

    [TwoControllerFact]
    public Task When_the_controller_a_switch_tries_first_is_killed_mid_call_the_other_takes_the_next_calls_and_knows_its_customer() =>
        Scene.PlayAsync(deployment, output, scene => deployment.AsOneOfTwoControllersAsync(async second =>
        {
            Phones secondSwitch = scene.PeerPhones!;

            // Agent 1002 calls the customer through the second switch, which hands the call to the second controller.
            // The conversation is long enough for everything checked before the kill on a busy machine (the second
            // controller is a fresh process, its first record may go through its journal first), so the kill lands mid-call.
            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(20)));
            SippProcess call = await scene.StartAsync(secondSwitch.AgentCall(Scenarios.AgentCallsThenIsHungUp, OtherAgent, OtherAgentPassword, Customer, TimeSpan.Zero));
            await scene.PeerSwitchSendsAsync(
                e => e.Is("CHANNEL_BRIDGE") && (e.Header("Channel-Name") ?? "").StartsWith($"sofia/agents/{OtherAgent}@", StringComparison.Ordinal),
                "agent 1002's call to the customer bridged on the second switch");
            CallRecords.OutboundCall killedControllersCall = await CallRecords.LatestOutboundCallAsync(deployment.Database, OtherAgent, scene.StartedAt);
            await second.WaitForOutputAsync(line => line.Contains(killedControllersCall.CallUuid.ToString(), StringComparison.Ordinal), "its decision on agent 1002's call", TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(scene.ControllerLog, e => e.Message.Contains(killedControllersCall.CallUuid.ToString(), StringComparison.Ordinal));
            Assert.Equal("sw2", killedControllersCall.SwitchName);

            Assert.True(await ScalarAsync<bool>($"select count(*) = 1 from caller_number_leases where call_uuid = '{killedControllersCall.CallUuid}' and controller_id = 'second'"),
                "the second controller holds no lease for its call in progress");

            // Killed in the middle of the conversation: the call goes on without it ...
            Assert.False(pstn.Completion.IsCompleted, "the call ended before the second controller was killed: the checks above took longer than the conversation");
            await second.KillAsync();
            await scene.SucceedsAsync(pstn);
            await scene.SucceedsAsync(call);
            // ... and the concurrent slot it held is given back by the surviving controller once its lease runs out.
            await Polling.UntilAsync(
                () => ScalarAsync<bool>("select count(*) = 0 from caller_number_leases where controller_id = 'second'"), "the killed controller's leases to be swept",
                TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(250));

            // The customer calls back through the second switch: its first controller refuses the connection, the suite's
            // takes the call and rings agent 1002 (registered on the first switch), whom only the killed controller's
            // call had made the customer's agent.
            int phonePort = scene.Phones.FreePort();
            await scene.RegisterAsync(OtherAgent, OtherAgentPassword, phonePort);
            SippProcess agentPhone = await scene.StartAsync(scene.Phones.AgentAnswering(OtherAgent, phonePort));
            await scene.AgentAvailableAsync(OtherAgent);
            await scene.SucceedsAsync(await scene.StartAsync(secondSwitch.CustomerCall(Customer, OurNumber, Talk)));
            AssertAgentPhoneSawOnlyTheMask(await scene.SucceedsAsync(agentPhone));
            await scene.ControllerLogsAsync(
                e => e.Message.Contains($"agent {OtherAgent} called", StringComparison.Ordinal) && e.Message.Contains("→ ring", StringComparison.Ordinal),
                "the suite's controller's decision to ring agent 1002");
            Assert.Equal($"callback|{OtherAgent}|{OtherAgent}|agent_answered|sw2", await CallRecords.LatestInboundCallAsync(deployment.Database, scene.StartedAt));

            // And the next outbound call on the second switch is the suite's controller's too.
            pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, Talk) with { Name = "pstn-next" });
            await scene.SucceedsAsync(await scene.StartAsync(secondSwitch.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero) with { Name = "agent-1001-next-call" }));
            await scene.SucceedsAsync(pstn);
            CallRecords.OutboundCall next = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
            Assert.Contains(ChineseNumberNormalizer.Default.Normalize(next.CallerNumber!).National, SalesNumbers);
            await scene.ControllerLogsAsync(e => e.Message.Contains($"Call {next.CallUuid}", StringComparison.Ordinal), "the suite's controller's decision on the next call");
            AssertControllerLogHidesTheCustomer(scene);
        }), nameof(When_the_controller_a_switch_tries_first_is_killed_mid_call_the_other_takes_the_next_calls_and_knows_its_customer));

    [TwoControllerFact]
    public Task Four_calls_through_two_controllers_against_the_only_number_capped_at_two_a_day_are_held_to_two() =>
        Scene.PlayAsync(deployment, output, async scene =>
        {
            const string capped = "021-5281-7777";
            string cappedE164 = ChineseNumberNormalizer.Default.Normalize(capped).E164;
            await deployment.AdminAsync("numbers", "add", capped, "--skill-group", "sales", "--daily-cap", "2");
            try
            {
                foreach (string number in DemoNumbers)
                {
                    await deployment.AdminAsync("numbers", "update", number, "--disabled");
                }

                await deployment.AsOneOfTwoControllersAsync(async second =>
                {
                    // Alternately through the first switch (the suite's controller) and the second (the second controller):
                    // each controller has granted only one call when the third comes, so only the shared count refuses it.
                    for (int call = 0; call < 4; call++)
                    {
                        Phones phones = call % 2 == 0 ? scene.Phones : scene.PeerPhones!;
                        bool withinCap = call < 2;
                        SippProcess? pstn = withinCap ? await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenHangsUp, TimeSpan.FromSeconds(1)) with { Name = $"pstn-{call}" }) : null;
                        // Refused, the agent hears the no-number prompt and is hung up on: the same scenario ends either way.
                        SippCall agentCall = phones.AgentCall(Scenarios.AgentCallsThenIsHungUp, Agent, AgentPassword, Customer, TimeSpan.Zero) with { Name = $"agent-call-{call}" };
                        await scene.SucceedsAsync(await scene.StartAsync(agentCall));
                        if (pstn is not null)
                        {
                            await scene.SucceedsAsync(pstn);
                        }
                    }

                    IReadOnlyList<CallRecords.OutboundCall> calls = await CallRecords.OutboundCallsAsync(deployment.Database, scene.StartedAt);
                    Assert.Equal([cappedE164, cappedE164, null, null], calls.Select(c => c.CallerNumber));
                    Assert.Equal(["sw1", "sw2", "sw1", "sw2"], calls.Select(c => c.SwitchName));
                    // Which controller decided each: the first and third call the suite's, the second and fourth the other.
                    for (int call = 0; call < 4; call++)
                    {
                        string id = calls[call].CallUuid.ToString();
                        bool bySuite = scene.ControllerLog.Any(e => e.Message.Contains($"Call {id}", StringComparison.Ordinal));
                        bool bySecond = second.Output.Contains($"Call {id}", StringComparison.Ordinal);
                        Assert.True((bySuite, bySecond) == (call % 2 == 0, call % 2 == 1), $"call {call + 1} ({id}) was decided by the suite's controller: {bySuite}, by the second: {bySecond}");
                    }

                    Assert.True(await ScalarAsync<bool>($"select used_today = 2 and in_use = 0 from caller_number_slots where number = '{cappedE164}'"),
                        "the shared count of the capped number is not 2 calls today, none in progress");
                });
            }
            finally
            {
                foreach (string number in DemoNumbers)
                {
                    await deployment.AdminAsync("numbers", "update", number, "--enabled");
                }

                await deployment.AdminAsync("numbers", "remove", capped);
            }
        }, nameof(Four_calls_through_two_controllers_against_the_only_number_capped_at_two_a_day_are_held_to_two));

    /// <summary>Every number of the demo call centre (scripts/demo-data.sh).</summary>
    private static readonly string[] DemoNumbers = ["021-5281-0000", "010-6234-5678", "0755-8600-1234"];

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(deployment.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

}
