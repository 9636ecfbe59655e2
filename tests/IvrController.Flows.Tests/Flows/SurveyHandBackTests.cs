using IvrController.FakeSwitch;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

/// <summary>The customer leg handed back by transfer_after_bridge after the agent hung up first (DESIGN 2.4).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SurveyHandBackTests(PostgresServer server)
{
    private const string CallId = "6a0b8a8e-2222-4c7e-9d41-0123456789ab";

    private static FlowSwitch HandedBack(string template = "1") => FlowSwitch.SurveyHandBack()
        .WithVariable("ivr_entry", "survey")
        .WithVariable("ivr_call_id", CallId)
        .WithVariable("ivr_agent_id", "1001")
        .WithVariable("ivr_survey", "outbound")
        .WithVariable("ivr_survey_template", template)
        .WithVariable("ivr_customer", "+8613800138000");

    [Fact]
    public async Task The_digit_is_stored_with_its_label_and_score()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey");
        FlowSwitch customer = HandedBack().OnExecute("play_and_get_digits", Outcome.Digits("1"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(
            [
                ("set", "sound_prefix=${ivr_sounds_dir}/zh-CN"),
                ("play_and_get_digits", "1 1 2 5000 # survey_guide_outbound.wav survey_invalid.wav ivr_survey_digit ^[123]$"),
                ("playback", "survey_closing.wav"),
                ("hangup", "NORMAL_CLEARING"),
            ],
            customer.Executed);
        Assert.Equal("NORMAL_CLEARING", customer.HangupCause);
        Assert.Equal(
            [$"{CallId}|1|rated|1|满意|5|1001|+8613800138000"],
            await centre.RowsAsync("select call_uuid, template_id, outcome, digit, label, score, agent_id, customer_number from survey_results"));
    }

    [Fact]
    public async Task The_answer_is_stored_while_the_closing_prompt_plays()
    {
        HeldRecorder? recorder = null;
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey_slow_db", recorder: inner => recorder = new HeldRecorder(inner));
        FlowSwitch customer = HandedBack().OnExecute("play_and_get_digits", Outcome.Digits("2"));

        Task call = FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);
        // The closing prompt reaches the switch while the database has not yet answered for the rating.
        await customer.WhenExecutingAsync("playback", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["survey asked"], recorder!.Steps);
        recorder.Release();
        await call;

        Assert.Equal(["survey asked", "survey written"], recorder.Steps);
        Assert.Equal([("playback", "survey_closing.wav"), ("hangup", "NORMAL_CLEARING")], customer.Executed.Skip(2));
        Assert.Equal(["rated|2"], await centre.RowsAsync("select outcome, digit from survey_results"));
    }

    [Fact]
    public async Task Silence_is_stored_as_no_answer_after_the_timeout_prompt()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey_timeout");
        FlowSwitch customer = HandedBack().OnExecute("play_and_get_digits", Outcome.Timeout);

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal([("playback", "survey_timeout.wav"), ("playback", "survey_closing.wav"), ("hangup", "NORMAL_CLEARING")], customer.Executed.Skip(2));
        Assert.Equal(["no_answer|null|null"], await centre.RowsAsync("select outcome, digit, score from survey_results"));
    }

    [Fact]
    public async Task A_customer_who_hangs_up_during_the_guide_is_stored_as_no_answer()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey_gone");
        FlowSwitch customer = HandedBack().OnExecute("play_and_get_digits", Outcome.CallerHangsUp("NORMAL_CLEARING"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal(["no_answer"], await centre.RowsAsync("select outcome from survey_results"));
    }

    [Fact]
    public async Task A_customer_who_rated_and_hangs_up_during_the_closing_prompt_is_stored_as_rated_and_the_call_ends_quietly()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey_closing_gone");
        FlowSwitch customer = HandedBack()
            .OnExecute("play_and_get_digits", Outcome.Digits("1"))
            .OnExecute("playback", Outcome.CallerHangsUp("NORMAL_CLEARING"));

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        // The hang-up application went with the closing prompt; the customer left first, which is no fault.
        Assert.Equal((1, 0), (centre.Dispatcher.Outcomes[CallOutcomeKind.Surveyed], centre.Dispatcher.Outcomes[CallOutcomeKind.Faulted]));
        Assert.Equal([("playback", "survey_closing.wav"), ("hangup", "NORMAL_CLEARING")], customer.Executed.TakeLast(2));
        Assert.Equal(["rated|1"], await centre.RowsAsync("select outcome, digit from survey_results"));
    }

    [Fact]
    public async Task A_template_switched_off_meanwhile_ends_the_call_politely_without_a_survey()
    {
        await using var centre = await CallCentre.CreateAsync(server, "flow_survey_off", "update survey_templates set enabled = false where id = 1;");
        FlowSwitch customer = HandedBack();

        await FlowCall.RunAsync(customer, centre.Dispatcher.HandleAsync);

        Assert.Equal([("playback", "ivr_goodbye.wav")], customer.Executed);
        Assert.Equal(0L, await centre.ScalarAsync<long>("select count(*) from survey_results"));
    }
}
