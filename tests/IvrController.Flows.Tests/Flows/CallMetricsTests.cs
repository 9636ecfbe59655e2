using IvrController.Esl.Outbound;
using IvrController.FakeSwitch;
using IvrController.Metrics;
using IvrController.Rules.CallerId;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

/// <summary>Whole calls of each flow move /metrics' counters and histograms as they end.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallMetricsTests(PostgresServer server)
{
    private static FlowSwitch AgentDials(string dialled) =>
        FlowSwitch.AgentLeg().WithAuthenticatedUser("1001").WithVariable("ivr_entry", "agents").WithDestinationNumber(dialled);

    private static FlowSwitch CustomerCalls(string from) =>
        FlowSwitch.CustomerCallback().WithVariable("ivr_entry", "public").WithCallerIdNumber(from).WithDestinationNumber("02152810000");

    private static FlowSwitch HandedBack() => FlowSwitch.SurveyHandBack()
        .WithVariable("ivr_entry", "survey")
        .WithVariable("ivr_call_id", "6a0b8a8e-2222-4c7e-9d41-0123456789ab")
        .WithVariable("ivr_agent_id", "1001")
        .WithVariable("ivr_survey", "outbound")
        .WithVariable("ivr_survey_template", "1")
        .WithVariable("ivr_customer", "+8613800138000");

    [Fact]
    public async Task An_agents_bridged_call_counts_its_outcome_its_caller_id_tier_and_both_latencies()
    {
        await using var centre = await CallCentre.CreateAsync(server, "metrics_out");
        CallMetrics metrics = centre.Dispatcher.Metrics;

        await FlowCall.RunAsync(AgentDials("13800138000").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Agent)), centre.Dispatcher.HandleAsync);
        await FlowCall.RunAsync(AgentDials("13800138000").OnExecute("bridge", BridgeResult.Failed("USER_BUSY")), centre.Dispatcher.HandleAsync);

        Assert.Equal(1, metrics.Calls(CallFlowKind.Outbound, CallOutcomeKind.Bridged));
        Assert.Equal(1, metrics.Calls(CallFlowKind.Outbound, CallOutcomeKind.CustomerNotReached));
        Assert.Equal(2, metrics.CallerIds(CallerIdRule.SkillGroup, CallerIdTier.SkillGroup));
        Assert.Equal(0, metrics.CallerIds(CallerIdRule.SkillGroup, CallerIdTier.WholePool));
        Assert.Equal(2, metrics.CallerIdDecision.Count);
        Assert.Equal(2, metrics.ConnectToBridge.Count);
        Assert.True(metrics.ConnectToBridge.SumSeconds > 0);
    }

    [Fact]
    public async Task Same_region_decisions_are_counted_under_their_rule_and_a_refusal_without_numbers_under_none()
    {
        await using var centre = await CallCentre.CreateAsync(server, "metrics_region", "update settings set caller_id_rule = 'same_region';");
        CallMetrics metrics = centre.Dispatcher.Metrics;

        await FlowCall.RunAsync(AgentDials("13800138000").OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(1), Party.Agent)), centre.Dispatcher.HandleAsync);

        long sameRegion = Enum.GetValues<CallerIdTier>().Sum(tier => metrics.CallerIds(CallerIdRule.SameRegion, tier));
        Assert.Equal(1, sameRegion);
        Assert.Equal(0, metrics.CallerIds(CallerIdRule.SameRegion, CallerIdTier.SkillGroup));
        Assert.Equal(0, Enum.GetValues<CallerIdTier>().Sum(tier => metrics.CallerIds(CallerIdRule.SkillGroup, tier)));
    }

    [Fact]
    public async Task With_every_number_disabled_the_refused_call_counts_as_no_caller_number_and_sends_no_bridge()
    {
        await using var centre = await CallCentre.CreateAsync(server, "metrics_empty", "update caller_numbers set enabled = false;");
        CallMetrics metrics = centre.Dispatcher.Metrics;

        await FlowCall.RunAsync(AgentDials("13800138000"), centre.Dispatcher.HandleAsync);

        Assert.Equal(1, metrics.Calls(CallFlowKind.Outbound, CallOutcomeKind.Refused));
        Assert.Equal(1, metrics.CallerIdsRefused(CallerIdRule.SkillGroup, NoCallerNumberReason.EmptyPool));
        Assert.Equal(1, metrics.CallerIdDecision.Count);
        Assert.Equal(0, metrics.ConnectToBridge.Count);
    }

    [Fact]
    public async Task A_remembered_customer_counts_as_a_callback_and_their_rating_by_its_score()
    {
        await using var centre = await CallCentre.CreateAsync(
            server, "metrics_cb", CallCentre.Remembered("1001", "+8613800138000", TimeSpan.FromHours(1)), new TestPresence().Registered("1001"));
        CallMetrics metrics = centre.Dispatcher.Metrics;
        FlowSwitch customer = CustomerCalls("13800138000")
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Agent))
            .OnExecute("play_and_get_digits", Outcome.Digits("1"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(1, metrics.Calls(CallFlowKind.Callback, CallOutcomeKind.AgentAnswered));
        Assert.Equal(0, metrics.Calls(CallFlowKind.Ivr, CallOutcomeKind.AgentAnswered));
        Assert.Equal(1, metrics.Surveys(SurveyAnswer.Rated));
        Assert.Equal(1, metrics.Ratings(5));
        Assert.Equal(0, metrics.Ratings(1));
    }

    [Fact]
    public async Task A_caller_without_memory_counts_under_the_ivr_and_a_hang_up_in_the_menu_as_hung_up()
    {
        await using var centre = await CallCentre.CreateAsync(server, "metrics_ivr", null, new TestPresence().Registered("1001"));
        CallMetrics metrics = centre.Dispatcher.Metrics;

        await FlowCall.RunAsync(
            CustomerCalls("13900139000").OnExecute("play_and_get_digits", Outcome.Digits("1")).OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Customer)),
            centre.Dispatcher.HandleAsync);
        await Assert.ThrowsAsync<EslChannelHangupException>(() =>
            FlowCall.RunAsync(CustomerCalls("13900139001").OnExecute("play_and_get_digits", Outcome.CallerHangsUp("NORMAL_CLEARING")), centre.Dispatcher.HandleAsync));

        Assert.Equal(1, metrics.Calls(CallFlowKind.Ivr, CallOutcomeKind.AgentAnswered));
        Assert.Equal(1, metrics.CallsHungUp(CallFlowKind.Ivr));
        Assert.Equal(0, metrics.CallsHungUp(CallFlowKind.Callback));
        Assert.Equal(0, metrics.Calls(CallFlowKind.Callback, CallOutcomeKind.AgentAnswered));
    }

    [Fact]
    public async Task Survey_hand_backs_count_silence_as_no_digit_and_a_hang_up_as_hung_up()
    {
        await using var centre = await CallCentre.CreateAsync(server, "metrics_survey");
        CallMetrics metrics = centre.Dispatcher.Metrics;

        await FlowCall.RunAsync(HandedBack().OnExecute("play_and_get_digits", Outcome.Timeout), centre.Dispatcher.HandleAsync);
        await FlowCall.RunAsync(HandedBack().OnExecute("play_and_get_digits", Outcome.CallerHangsUp("NORMAL_CLEARING")), centre.Dispatcher.HandleAsync);
        await FlowCall.RunAsync(HandedBack().OnExecute("play_and_get_digits", Outcome.Digits("3")), centre.Dispatcher.HandleAsync);

        Assert.Equal(3, metrics.Calls(CallFlowKind.Survey, CallOutcomeKind.Surveyed));
        Assert.Equal(1, metrics.Surveys(SurveyAnswer.NoDigit));
        Assert.Equal(1, metrics.Surveys(SurveyAnswer.HungUp));
        Assert.Equal(1, metrics.Surveys(SurveyAnswer.Rated));
        Assert.Equal(1, metrics.Ratings(1));
        Assert.Equal(0, metrics.Surveys(SurveyAnswer.Invalid));
    }
}
