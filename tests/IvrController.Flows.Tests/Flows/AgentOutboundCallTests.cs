using IvrController.FakeSwitch;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

/// <summary>An agent calls a customer (DESIGN 2.1), driven through the real ESL session by the recorded agent leg.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentOutboundCallTests(PostgresServer server)
{
    private static FlowSwitch AgentDials(string dialled) =>
        FlowSwitch.AgentLeg().WithAuthenticatedUser("1001").WithVariable("ivr_entry", "agents").WithDestinationNumber(dialled);

    [Fact]
    public async Task The_customer_sees_the_skill_group_number_and_the_agent_only_the_mask()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out");
        FlowSwitch agentLeg = AgentDials("138-0013-8000")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Agent));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        string callId = agentLeg.UniqueId;
        Assert.Equal(
            [
                // One round trip for the four variables the bridge needs on the agent's leg.
                ("multiset", "effective_callee_id_number=138****8000 effective_callee_id_name=138****8000 hangup_after_bridge=true continue_on_fail=true"),
                ("bridge", "{origination_caller_id_number=02152810000,origination_caller_id_name=02152810000," +
                           $"ivr_call_id={callId},ivr_agent_id=1001}}" +
                           "[leg_timeout=45,transfer_after_bridge=survey:XML:controller,ivr_survey=outbound,ivr_survey_template=1,ivr_customer=+8613800138000]" +
                           "sofia/gateway/pstn/13800138000"),
            ],
            agentLeg.Executed);
        Assert.Equal(
            [$"{callId}|1001|+8613800138000|+862152810000|skill_group|SkillGroup|SUCCESS"],
            await centre.RowsAsync("select call_uuid, agent_id, customer_number, caller_number, rule, tier, disposition from outbound_calls"));
        Assert.DoesNotContain(centre.Logs.Lines, line => line.Contains("13800138000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_customer_hangs_up_first_the_call_is_recorded_and_nothing_else_is_played()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_cust");
        FlowSwitch agentLeg = AgentDials("13800138000")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal("bridge", agentLeg.Executed[^1].Application);
        Assert.Equal("SUCCESS", await centre.ScalarAsync<string>("select disposition from outbound_calls"));
    }

    [Fact]
    public async Task The_bridge_goes_out_while_the_calls_row_is_being_written_and_its_end_is_written_after_it()
    {
        HeldRecorder? recorder = null;
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_slow_db", recorder: inner => recorder = new HeldRecorder(inner));
        FlowSwitch agentLeg = AgentDials("13800138000")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        Task call = FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);
        // The database has not answered the call's row yet, and the customer's phone is already being rung.
        await agentLeg.WhenExecutingAsync("bridge", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["start asked"], recorder!.Steps);
        recorder.Release();
        await call;

        Assert.Equal(["start asked", "start written", "end asked", "end written"], recorder.Steps);
        Assert.Equal("SUCCESS", await centre.ScalarAsync<string>("select disposition from outbound_calls"));
    }

    [Theory]
    [InlineData("USER_BUSY", "callee_busy.wav")]
    [InlineData("NO_ANSWER", "no_answer.wav")]
    [InlineData("CALL_REJECTED", "call_failed.wav")]
    public async Task A_failed_bridge_tells_the_agent_why_and_is_recorded(string disposition, string prompt)
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_fail");
        FlowSwitch agentLeg = AgentDials("13800138000").OnExecute("bridge", BridgeResult.Failed(disposition));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", prompt)], agentLeg.Executed.Skip(2).Take(2));
        Assert.Equal("NORMAL_CLEARING", agentLeg.HangupCause);
        Assert.Equal(disposition, await centre.ScalarAsync<string>("select disposition from outbound_calls"));
    }

    [Fact]
    public async Task The_call_takes_its_numbers_shared_slot_and_its_end_gives_the_slot_back()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_slot", "update caller_numbers set max_concurrent = 1, daily_cap = 10;");
        FlowSwitch agentLeg = AgentDials("13800138000").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal("bridge", agentLeg.Executed[^1].Application);
        Assert.Equal(["+862152810000|1|0"], await centre.RowsAsync("select number, used_today, in_use from caller_number_slots"));
        Assert.Equal(0L, await centre.ScalarAsync<long>("select count(*) from caller_number_leases"));
    }

    [Fact]
    public async Task A_number_held_at_its_cap_by_another_controller_is_refused_and_the_agent_hears_why()
    {
        int today = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_elsewhere", $"""
            update caller_numbers set max_concurrent = 1;
            insert into caller_number_slots (number, day, used_today, in_use) values ('+862152810000', {today}, 1, 1);
            insert into caller_number_leases (call_uuid, number, controller_id) values (gen_random_uuid(), '+862152810000', 'controller-b');
            """);
        FlowSwitch agentLeg = AgentDials("13800138000");

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "no_caller_number.wav"), ("hangup", "NORMAL_TEMPORARY_FAILURE")], agentLeg.Executed);
        Assert.Equal("NORMAL_TEMPORARY_FAILURE", agentLeg.HangupCause);
        Assert.Equal("1001|null", (await centre.RowsAsync("select agent_id, caller_number from outbound_calls")).Single());
        Assert.Equal(["+862152810000|1|1"], await centre.RowsAsync("select number, used_today, in_use from caller_number_slots"));
        Assert.Contains(centre.Logs.Lines, line => line.Contains("02152810000 is at a cap by the other controllers' calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_enabled_number_the_agent_hears_why_and_no_call_is_placed()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_empty", "update caller_numbers set enabled = false;");
        FlowSwitch agentLeg = AgentDials("13800138000");

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "no_caller_number.wav"), ("hangup", "NORMAL_TEMPORARY_FAILURE")], agentLeg.Executed);
        Assert.Equal("NORMAL_TEMPORARY_FAILURE", agentLeg.HangupCause);
        Assert.Equal("1001|null", (await centre.RowsAsync("select agent_id, caller_number from outbound_calls")).Single());
        Assert.Contains(centre.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("the pool has no enabled number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_customer_id_mode_the_agent_dials_the_id_and_sees_it()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_id", "update settings set protection_mode = 'customer_id';");
        FlowSwitch agentLeg = AgentDials("C10086").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal(("multiset", "effective_callee_id_number=C10086 effective_callee_id_name=C10086 hangup_after_bridge=true continue_on_fail=true"), agentLeg.Executed[0]);
        Assert.Equal("C10086", agentLeg.Variables["effective_callee_id_name"]);
        Assert.EndsWith("sofia/gateway/pstn/13800138000", agentLeg.Executed[1].Argument, StringComparison.Ordinal);
        // The ID the agent saw is kept with the call, so the reports can show it whichever lookup gave it.
        Assert.Equal("C10086|+8613800138000", (await centre.RowsAsync("select customer_id, customer_number from outbound_calls")).Single());
    }

    [Theory]
    [InlineData("12345abc", "invalid_number.wav", "INVALID_NUMBER_FORMAT")]
    [InlineData("13800138000", "call_failed.wav", "CALL_REJECTED")]
    public async Task Bad_input_is_refused_with_a_prompt_before_anything_is_dialled(string dialled, string prompt, string cause)
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_bad");
        FlowSwitch agentLeg = dialled == "13800138000"
            ? FlowSwitch.AgentLeg().WithAuthenticatedUser("9999").WithVariable("ivr_entry", "agents").WithDestinationNumber(dialled)
            : AgentDials(dialled);

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", prompt), ("hangup", cause)], agentLeg.Executed);
        Assert.Equal(cause, agentLeg.HangupCause);
        Assert.Equal(0L, await centre.ScalarAsync<long>("select count(*) from outbound_calls"));
    }

    [Fact]
    public async Task A_click_to_call_leg_continues_as_the_agents_call_to_the_customer_it_names()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_c2c", "update settings set protection_mode = 'customer_id';");
        FlowSwitch agentLeg = FlowSwitch.AgentLeg()
            .WithVariable("ivr_entry", "click_to_call").WithVariable("ivr_agent_id", "1002").WithVariable("ivr_click_to_call", "C10086")
            .WithAuthenticatedUser("1002").WithDestinationNumber("1002")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        string bridge = agentLeg.Executed.Single(e => e.Application == "bridge").Argument!;
        Assert.Contains("ivr_agent_id=1002}", bridge, StringComparison.Ordinal);
        Assert.EndsWith("sofia/gateway/pstn/13800138000", bridge, StringComparison.Ordinal);
        Assert.Equal("1002|+8613800138000", (await centre.RowsAsync("select agent_id, customer_number from outbound_calls")).Single());
    }

    [Fact]
    public async Task A_phones_own_call_cannot_name_another_agent_in_a_variable()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_forged");
        FlowSwitch agentLeg = AgentDials("13800138000").WithVariable("ivr_agent_id", "1002")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, centre.Dispatcher.HandleAsync);

        Assert.Equal("1001", await centre.ScalarAsync<string>("select agent_id from outbound_calls"));
    }

    [Fact]
    public async Task An_agents_call_on_switch_sw2_is_recorded_as_run_on_sw2()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_switch");
        var dispatcher = new CallDispatcher(centre.Context with { Switches = new TwoSwitches() });
        FlowSwitch agentLeg = AgentDials("13800138000")
            .WithHeader("Core-UUID", TwoSwitches.CoreOfSw2)
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, dispatcher.HandleAsync);

        Assert.Equal($"{agentLeg.UniqueId}|1001|sw2|SUCCESS", (await centre.RowsAsync("select call_uuid, agent_id, switch_name, disposition from outbound_calls")).Single());
    }

    [Fact]
    public async Task A_click_to_call_leg_rung_on_sw2_is_recorded_as_run_on_sw2()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_c2c_switch");
        var dispatcher = new CallDispatcher(centre.Context with { Switches = new TwoSwitches() });
        FlowSwitch agentLeg = FlowSwitch.AgentLeg()
            .WithVariable("ivr_entry", "click_to_call").WithVariable("ivr_agent_id", "1002").WithVariable("ivr_click_to_call", "13800138000")
            .WithAuthenticatedUser("1002").WithDestinationNumber("1002")
            .WithHeader("Core-UUID", TwoSwitches.CoreOfSw2)
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, dispatcher.HandleAsync);

        Assert.Equal($"{agentLeg.UniqueId}|1002|sw2", (await centre.RowsAsync("select call_uuid, agent_id, switch_name from outbound_calls")).Single());
    }

    [Fact]
    public async Task A_call_refused_for_want_of_a_number_is_recorded_with_its_switch_too()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_switch_refused", "update caller_numbers set enabled = false;");
        var dispatcher = new CallDispatcher(centre.Context with { Switches = new TwoSwitches() });
        FlowSwitch agentLeg = AgentDials("13800138000").WithHeader("Core-UUID", TwoSwitches.CoreOfSw1);

        await FlowCall.RunAsync(agentLeg, dispatcher.HandleAsync);

        Assert.Equal([("answer", null), ("playback", "no_caller_number.wav"), ("hangup", "NORMAL_TEMPORARY_FAILURE")], agentLeg.Executed);
        Assert.Equal("1001|null|sw1", (await centre.RowsAsync("select agent_id, caller_number, switch_name from outbound_calls")).Single());
    }

    [Fact]
    public async Task A_call_whose_switch_is_not_known_is_recorded_without_one()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_out_no_switch");
        var dispatcher = new CallDispatcher(centre.Context with { Switches = new TwoSwitches() });
        // Its switch restarted and its new core UUID has not been read yet.
        FlowSwitch agentLeg = AgentDials("13800138000")
            .WithHeader("Core-UUID", "0d9a7c1e-0000-4000-8000-000000000000")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent));

        await FlowCall.RunAsync(agentLeg, dispatcher.HandleAsync);

        Assert.Equal("1001|null", (await centre.RowsAsync("select agent_id, switch_name from outbound_calls")).Single());
    }
}
