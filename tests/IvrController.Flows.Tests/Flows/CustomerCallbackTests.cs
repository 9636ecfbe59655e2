using IvrController.FakeSwitch;
using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

/// <summary>A customer calls one of our numbers (DESIGN 2.2), driven by the recorded callback leg.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerCallbackTests(PostgresServer server)
{
    private static readonly string CalledByAgent1001 = CallCentre.Remembered("1001", "+8613800138000", TimeSpan.FromHours(1));

    private static FlowSwitch CustomerCalls(string from = "13800138000", string did = "02152810000") =>
        FlowSwitch.CustomerCallback().WithVariable("ivr_entry", "public").WithCallerIdNumber(from).WithDestinationNumber(did);

    private static string RingAgent1001(int seconds, string callId) =>
        $"{{origination_caller_id_number=138****8000,origination_caller_id_name=138****8000,leg_timeout={seconds},ivr_call_id={callId}}}user/1001@127.0.0.1";

    [Fact]
    public async Task A_remembered_customer_reaches_their_agent_masked_and_rates_after_the_agent_hangs_up()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_answer", CalledByAgent1001, new TestPresence().Registered("1001"));
        FlowSwitch customer = CustomerCalls()
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Agent))
            .OnExecute("play_and_get_digits", Outcome.Digits("1"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(
            [
                ("multiset", "hangup_after_bridge=false continue_on_fail=true"),
                ("bridge", RingAgent1001(20, customer.UniqueId)),
                ("set", "sound_prefix=${ivr_sounds_dir}/zh-CN"),
                ("play_and_get_digits", "1 1 2 5000 # survey_guide_inbound.wav survey_invalid.wav ivr_survey_digit ^[123]$"),
                ("playback", "survey_closing.wav"),
                ("hangup", "NORMAL_CLEARING"),
            ],
            customer.Executed);
        Assert.Equal(
            [$"{customer.UniqueId}|2|rated|1|满意|5|1001|+8613800138000"],
            await centre.RowsAsync("select call_uuid, template_id, outcome, digit, label, score, agent_id, customer_number from survey_results"));
        Assert.Equal(
            [$"{customer.UniqueId}|callback|1001|1001|agent_answered|+8613800138000|+862152810000|True"],
            await centre.RowsAsync("select call_uuid, route, remembered_agent, agent_id, outcome, customer_number, called_number, ended_at >= started_at from inbound_calls"));
        Assert.DoesNotContain(centre.Logs.Lines, line => line.Contains("13800138000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_remembered_agent_registered_on_another_switch_is_rung_through_the_peer_route_still_masked()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_peer", CalledByAgent1001, new TestPresence().Registered("1001"));
        var locator = new OneAgentElsewhere("1001", callSwitchCore: "9b6e0d52-2f4c-4d1e-a7a4-3b1c2d3e4f50", new AgentLocation("sw1", "10.0.0.5:5070"));
        var dispatcher = new CallDispatcher(centre.Context with { Locator = locator });
        FlowSwitch customer = CustomerCalls()
            .WithHeader("Core-UUID", "9b6e0d52-2f4c-4d1e-a7a4-3b1c2d3e4f50")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));

        await FlowCall.RunAsync(customer, dispatcher.HandleAsync);

        Assert.Equal(
            ("bridge", $"{{origination_caller_id_number=138****8000,origination_caller_id_name=138****8000,leg_timeout=20,ivr_call_id={customer.UniqueId}}}sofia/peers/1001@10.0.0.5:5070"),
            customer.Executed.Single(e => e.Application == "bridge"));
        Assert.Equal(["9b6e0d52-2f4c-4d1e-a7a4-3b1c2d3e4f50"], locator.AskedFrom);
        Assert.Equal(
            [$"{customer.UniqueId}|callback|1001|1001|agent_answered"],
            await centre.RowsAsync("select call_uuid, route, remembered_agent, agent_id, outcome from inbound_calls"));
    }

    [Fact]
    public async Task A_callback_on_sw2_answered_by_an_agent_on_sw1_is_recorded_as_run_on_sw2()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_switch", CalledByAgent1001, new TestPresence().Registered("1001"));
        var locator = new OneAgentElsewhere("1001", callSwitchCore: TwoSwitches.CoreOfSw2, new AgentLocation("sw1", "10.0.0.5:5070"));
        var dispatcher = new CallDispatcher(centre.Context with { Locator = locator, Switches = new TwoSwitches() });
        FlowSwitch customer = CustomerCalls()
            .WithHeader("Core-UUID", TwoSwitches.CoreOfSw2)
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));

        await FlowCall.RunAsync(customer, dispatcher.HandleAsync);

        Assert.EndsWith("sofia/peers/1001@10.0.0.5:5070", customer.Executed.Single(e => e.Application == "bridge").Argument, StringComparison.Ordinal);
        // The call ran on the switch the customer called in on; the agent's phone on sw1 was reached from there.
        Assert.Equal(
            [$"{customer.UniqueId}|callback|1001|agent_answered|sw2"],
            await centre.RowsAsync("select call_uuid, route, agent_id, outcome, switch_name from inbound_calls"));
    }

    [Fact]
    public async Task An_ivr_call_on_sw2_is_recorded_as_run_on_sw2()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_ivr_switch");
        var dispatcher = new CallDispatcher(centre.Context with { Switches = new TwoSwitches() });
        FlowSwitch customer = CustomerCalls(from: "13900139000")
            .WithHeader("Core-UUID", TwoSwitches.CoreOfSw2)
            .OnExecute("play_and_get_digits", Outcome.Timeout);

        await FlowCall.RunAsync(customer, dispatcher.HandleAsync);

        Assert.Equal(
            [$"{customer.UniqueId}|ivr|ended_in_menu|sw2"],
            await centre.RowsAsync("select call_uuid, route, outcome, switch_name from inbound_calls"));
    }

    [Fact]
    public async Task Mode_2_with_the_agent_not_registered_goes_straight_to_the_ivr_of_the_dialled_number()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_offline", CalledByAgent1001, new TestPresence().NotRegistered("1001"));
        FlowSwitch customer = CustomerCalls().OnExecute("play_and_get_digits", Outcome.Timeout);

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(
            [
                ("answer", null),
                ("play_and_get_digits", "1 1 1 4000 none ivr_welcome.wav silence_stream://250 ivr_menu_digit [0-9*#]"),
                ("playback", "ivr_timeout.wav"),
                ("play_and_get_digits", "1 1 1 4000 none ivr_welcome.wav silence_stream://250 ivr_menu_digit [0-9*#]"),
                ("playback", "ivr_timeout.wav"),
                ("playback", "ivr_goodbye.wav"),
                ("hangup", "NORMAL_CLEARING"),
            ],
            customer.Executed);
        Assert.DoesNotContain(customer.Executed, e => e.Application == "bridge");
    }

    [Fact]
    public async Task A_call_to_a_number_whose_menu_is_disabled_hears_no_menu_only_the_service_unavailable_prompt()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_menu_off", "update ivr_menus set enabled = false where name = 'main';");
        FlowSwitch customer = CustomerCalls();

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "service_unavailable.wav"), ("hangup", "NORMAL_CLEARING")], customer.Executed);
        Assert.Equal(
            [$"{customer.UniqueId}|ivr|ended_in_menu|+862152810000"],
            await centre.RowsAsync("select call_uuid, route, outcome, called_number from inbound_calls"));
    }

    [Fact]
    public async Task Mode_2_when_the_agent_does_not_answer_falls_into_the_ivr_and_routes_by_key()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_noanswer", CalledByAgent1001, new TestPresence().Registered("1001").Registered("1002"));
        FlowSwitch customer = CustomerCalls()
            .OnExecute("bridge", BridgeResult.Failed("NO_ANSWER"), BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Customer))
            .OnExecute("play_and_get_digits", Outcome.Digits("2"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        var bridges = customer.Executed.Where(e => e.Application == "bridge").Select(e => e.Argument).ToList();
        Assert.Equal(2, bridges.Count);
        Assert.Equal(RingAgent1001(20, customer.UniqueId), bridges[0]);
        Assert.EndsWith("}user/1002@127.0.0.1", bridges[1], StringComparison.Ordinal);
        Assert.Contains("origination_caller_id_name=138****8000", bridges[1], StringComparison.Ordinal);
        Assert.Contains(("answer", null), customer.Executed);
    }

    [Fact]
    public async Task Mode_1_with_the_agent_not_registered_plays_busy_and_records_a_missed_callback()
    {
        await using var centre = await CallCentre.CreateAsync(
            server, "flow_cb_mode1", "update settings set callback_mode = 1;" + CalledByAgent1001, new TestPresence().NotRegistered("1001"));
        FlowSwitch customer = CustomerCalls();

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "agent_busy.wav"), ("hangup", "NORMAL_CLEARING")], customer.Executed);
        Assert.Equal(["1001|+8613800138000|+862152810000"], await centre.RowsAsync("select agent_id, customer_number, called_number from missed_callbacks"));
        Assert.Equal(
            [$"{customer.UniqueId}|callback|1001|null|no_agent|+8613800138000|+862152810000|True"],
            await centre.RowsAsync("select call_uuid, route, remembered_agent, agent_id, outcome, customer_number, called_number, ended_at >= started_at from inbound_calls"));
    }

    [Fact]
    public async Task A_bridge_refused_with_user_not_registered_in_mode_2_continues_into_the_ivr()
    {
        // Presence knows nothing of 1001 (just reconnected): the agent is rung and the bridge result decides.
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_unreg", CalledByAgent1001);
        FlowSwitch customer = CustomerCalls()
            .OnExecute("bridge", BridgeResult.Failed("USER_NOT_REGISTERED"))
            .OnExecute("play_and_get_digits", Outcome.Timeout);

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(("bridge", RingAgent1001(20, customer.UniqueId)), customer.Executed[1]);
        Assert.Equal(("answer", null), customer.Executed[2]);
        Assert.Equal(0L, await centre.ScalarAsync<long>("select count(*) from missed_callbacks"));
    }

    [Fact]
    public async Task A_caller_without_memory_gets_the_ivr_and_a_skill_group_rings_its_available_agents()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_none", null, new TestPresence().Registered("1001").NotRegistered("1002"));
        FlowSwitch customer = CustomerCalls(from: "13900139000")
            .OnExecute("play_and_get_digits", Outcome.Digits("1"))
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Customer));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        string bridge = customer.Executed.Single(e => e.Application == "bridge").Argument!;
        Assert.StartsWith("{origination_caller_id_number=139****9000,origination_caller_id_name=139****9000,leg_timeout=30,", bridge, StringComparison.Ordinal);
        Assert.EndsWith("}user/1001@127.0.0.1", bridge, StringComparison.Ordinal);

        // The customer hung up first: no inbound survey follows.
        Assert.Equal("bridge", customer.Executed[^1].Application);
        Assert.Equal(0L, await centre.ScalarAsync<long>("select count(*) from survey_results"));
        Assert.Equal(
            [$"{customer.UniqueId}|ivr|null|1001|agent_answered|+8613900139000|+862152810000|True"],
            await centre.RowsAsync("select call_uuid, route, remembered_agent, agent_id, outcome, customer_number, called_number, ended_at >= started_at from inbound_calls"));
    }

    [Fact]
    public async Task With_two_agents_available_the_ivr_rings_both_at_once_and_the_call_is_bridged()
    {
        // Found by the load benchmark: both agents' endpoints were handed to the dial string as one, which refused the ','.
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_two", null, new TestPresence().Registered("1001").Registered("1002"));
        FlowSwitch customer = CustomerCalls(from: "13900139000")
            .OnExecute("play_and_get_digits", Outcome.Digits("1"))
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Customer));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        string bridge = customer.Executed.Single(e => e.Application == "bridge").Argument!;
        Assert.EndsWith("}user/1001@127.0.0.1,user/1002@127.0.0.1", bridge, StringComparison.Ordinal);
        Assert.Equal(1, centre.Dispatcher.Outcomes[CallOutcomeKind.AgentAnswered]);
        Assert.Equal(0, centre.Dispatcher.Outcomes[CallOutcomeKind.Faulted]);
    }

    [Fact]
    public async Task A_caller_whose_number_does_not_normalise_still_reaches_the_ivrs_agents_masked()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_anon", null, new TestPresence().Registered("1001").NotRegistered("1002"));
        FlowSwitch customer = CustomerCalls(from: "0012125550123")
            .OnExecute("play_and_get_digits", Outcome.Digits("1"))
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Customer));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        string bridge = customer.Executed.Single(e => e.Application == "bridge").Argument!;
        Assert.StartsWith("{origination_caller_id_number=***********23,origination_caller_id_name=***********23,", bridge, StringComparison.Ordinal);
        Assert.EndsWith("}user/1001@127.0.0.1", bridge, StringComparison.Ordinal);
        Assert.DoesNotContain(centre.Logs.Lines, line => line.Contains("2125550123", StringComparison.Ordinal));
        Assert.Equal(
            [$"{customer.UniqueId}|ivr|1001|agent_answered|0012125550123|+862152810000"],
            await centre.RowsAsync("select call_uuid, route, agent_id, outcome, customer_number, called_number from inbound_calls"));
    }

    [Fact]
    public async Task During_a_database_outage_a_customer_reaches_the_agent_the_controller_remembers()
    {
        // The call was placed through this controller (so it is in its memory) while the database was away.
        CallbackMemory memory = ControllerRemembers("1001", TimeSpan.FromMinutes(5));
        await using var centre = await CallCentre.CreateAsync(
            server, "flow_cb_outage", null, new TestPresence().Registered("1001"), memory, CallCentre.DatabaseDown);
        FlowSwitch customer = CustomerCalls()
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Customer));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(("bridge", RingAgent1001(20, customer.UniqueId)), customer.Executed.Single(e => e.Application == "bridge"));
        Assert.Contains(centre.Logs.Lines, line => line.Contains("from this controller alone (agent 1001)", StringComparison.Ordinal));
        Assert.Equal(1, centre.Dispatcher.Outcomes[CallOutcomeKind.AgentAnswered]);
        Assert.Contains(centre.Logs.Lines, line => line.Contains("(public) done: AgentAnswered: agent 1001 answered", StringComparison.Ordinal));
        Assert.DoesNotContain(centre.Logs.Lines, line => line.Contains("13800138000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_in_the_log_that_this_controller_did_not_place_still_counts_while_the_database_is_up()
    {
        // 1002 called the customer more recently than the call this controller remembers (another controller, say).
        CallbackMemory memory = ControllerRemembers("1001", TimeSpan.FromHours(2));
        await using var centre = await CallCentre.CreateAsync(
            server, "flow_cb_both", CallCentre.Remembered("1002", "+8613800138000", TimeSpan.FromHours(1)), new TestPresence().Registered("1001").Registered("1002"), memory);
        FlowSwitch customer = CustomerCalls()
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Customer));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.EndsWith("}user/1002@127.0.0.1", customer.Executed.Single(e => e.Application == "bridge").Argument, StringComparison.Ordinal);
        Assert.Equal("1002", memory.Find(ChineseNumberNormalizer.Default.Normalize("13800138000"), DateTimeOffset.MinValue)?.AgentId);
    }

    [Fact]
    public async Task A_fault_inside_a_flow_gives_the_caller_a_prompt_and_a_clean_hangup_never_the_switchs_fallback()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_cb_fault", CalledByAgent1001, new FaultyPresence());
        FlowSwitch customer = CustomerCalls();

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "service_unavailable.wav"), ("hangup", "NORMAL_TEMPORARY_FAILURE")], customer.Executed);
        Assert.Equal("NORMAL_TEMPORARY_FAILURE", customer.HangupCause);
        Assert.Contains(centre.Logs.Lines, line => line.Contains("failed inside the controller: presence is broken", StringComparison.Ordinal));
        Assert.Equal(1, centre.Dispatcher.Outcomes[CallOutcomeKind.Faulted]);
        Assert.Equal(1, centre.Dispatcher.Outcomes.Snapshot().Sum(count => count.Value));
        // The fault came while the call was being planned, before any agent was matched: recorded as an IVR call that faulted.
        Assert.Equal(
            [$"{customer.UniqueId}|ivr|faulted|+8613800138000|+862152810000"],
            await centre.RowsAsync("select call_uuid, route, outcome, customer_number, called_number from inbound_calls"));
        Assert.Equal(0, centre.Dispatcher.InProgress.Count);
    }

    /// <summary>This controller's own memory: <paramref name="agentId"/> called 13800138000 from 021 5281 0000 <paramref name="ago"/>.</summary>
    private static CallbackMemory ControllerRemembers(string agentId, TimeSpan ago)
    {
        var memory = new CallbackMemory(TimeSpan.FromDays(7));
        memory.Remember(new LastOutboundCall(
            agentId, ChineseNumberNormalizer.Default.Normalize("13800138000"), ChineseNumberNormalizer.Default.Normalize("02152810000"), DateTimeOffset.UtcNow - ago));
        return memory;
    }

    private sealed class FaultyPresence : IAgentPresence
    {
        public AgentOnSwitch? OnSwitch(string agentId) => throw new InvalidOperationException("presence is broken");
    }

    /// <summary>Puts one agent on another switch than the call's (the one whose core UUID is given); everyone else is local.</summary>
    private sealed class OneAgentElsewhere(string agentId, string callSwitchCore, AgentLocation elsewhere) : IAgentLocator
    {
        public List<string?> AskedFrom { get; } = [];

        public AgentLocation? PeerSwitchOf(string agent, string? callSwitch)
        {
            AskedFrom.Add(callSwitch);
            return agent == agentId && callSwitch == callSwitchCore ? elsewhere : null;
        }
    }
}
