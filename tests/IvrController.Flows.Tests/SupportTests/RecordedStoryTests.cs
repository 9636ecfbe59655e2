using IvrController.Esl.Connection;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.FakeSwitch;
using Xunit;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>
/// The real OutboundSession against FlowSwitch, for the story of each capture: the flow gets the
/// results the real switch gave, and the switch sends its frames in the recorded order.
/// </summary>
public sealed class RecordedStoryTests
{
    private const string Dispatch = "CHANNEL_EXECUTE";
    private const string Complete = "CHANNEL_EXECUTE_COMPLETE";
    private const string Notice = "text/disconnect-notice";

    [Fact]
    public async Task Agent_hangs_up_first_the_bridge_succeeds_then_the_call_ends_with_the_linger_notice()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .WithDestinationNumber("13900139000")
            .OnExecute("bridge", _ => BridgeResult.Answered(talk: TimeSpan.FromSeconds(42), whoHangsUpFirst: Party.Agent));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("effective_caller_id_number", "02152810000", ct);
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDial + session.ChannelData.DestinationNumber, ct);
            EslEvent hangupComplete = await Wire.NextEventAsync(session, EventNames.ChannelHangupComplete, ct);
            DisconnectNotice notice = await session.DisconnectNoticeReceived.WaitAsync(ct);
            return (bridge, Ended: session.CallEnded.IsCancellationRequested, session.HangupCause, notice.IsLinger, Billsec: hangupComplete.GetVariable("billsec"));
        }, FlowCallOptions.EveryEvent);

        Assert.Equal(HangupCauses.Success, result.bridge.OriginateDisposition);
        Assert.Null(result.bridge.BridgeHangupCause);
        Assert.Equal(flowSwitch.Executions[2].EventUuid, result.bridge.ApplicationUuid);
        Assert.True(result.Ended);
        Assert.Equal(HangupCauses.NormalClearing, result.HangupCause);
        Assert.True(result.IsLinger);
        Assert.Equal("42", result.Billsec);
        Assert.Equal(
            [("set", "effective_caller_id_number=02152810000"), ("set", "hangup_after_bridge=true"), ("bridge", Wire.AgentDial + "13900139000")],
            flowSwitch.Executed);
        Assert.Equal(["connect", "myevents", "linger", "sendmsg", "sendmsg", "sendmsg", "exit"], flowSwitch.Received.Select(c => c.Verb));

        // As outbound-agent-call-bridge: the notice comes right after CHANNEL_HANGUP, before the bridge completes.
        Assert.Equal(
            [Dispatch, Complete, Dispatch, Complete, Dispatch, "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_BRIDGE",
             "CHANNEL_HANGUP", Notice, "CHANNEL_UNBRIDGE", Complete, "CHANNEL_UNPARK", Complete,
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE"],
            Wire.Story(flowSwitch));
        Assert.True(flowSwitch.ExitReceived);
    }

    [Fact]
    public async Task By_default_the_session_filters_away_what_it_does_not_read_and_the_switch_sends_only_completions_and_the_hangup()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .WithDestinationNumber("13900139000")
            .OnExecute("bridge", _ => BridgeResult.Answered(talk: TimeSpan.FromSeconds(42), whoHangsUpFirst: Party.Agent));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            using ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDial + session.ChannelData.DestinationNumber, ct);
            EslEvent hangupComplete = await Wire.NextEventAsync(session, EventNames.ChannelHangupComplete, ct);
            return (bridge.OriginateDisposition, session.HangupCause, Billsec: hangupComplete.GetVariable("billsec"));
        });

        Assert.Equal((HangupCauses.Success, HangupCauses.NormalClearing, "42"), result);
        Assert.Equal(["connect", "myevents", "filter", "filter", "filter", "filter", "linger", "sendmsg", "sendmsg", "exit"], flowSwitch.Received.Select(c => c.Verb));
        Assert.Equal(
            [Complete, "CHANNEL_HANGUP", Notice, Complete, Complete, "CHANNEL_HANGUP_COMPLETE"],
            Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task Applications_queued_without_a_waiter_send_no_completion_only_the_awaited_one_does()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .OnExecute("bridge", _ => BridgeResult.Answered(talk: TimeSpan.FromSeconds(3), whoHangsUpFirst: Party.Agent));

        await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            session.SetVariablesWithNext([new("hangup_after_bridge", "true"), new("continue_on_fail", "true")]);
            using ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDial + "13800138001", ct);
            await Wire.NextEventAsync(session, EventNames.ChannelHangupComplete, ct);
        });

        // The multiset ran (and answered +OK with the bridge), but its completion stayed on the switch.
        Assert.Equal(["multiset", "bridge"], flowSwitch.Executed.Select(e => e.Application));
        Assert.Equal("true", flowSwitch.Variables["continue_on_fail"]);
        Assert.Equal(["CHANNEL_HANGUP", Notice, Complete, Complete, "CHANNEL_HANGUP_COMPLETE"], Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task Customer_hangs_up_first_the_bridge_reports_it_and_hangup_after_bridge_ends_the_agent_leg()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .OnExecute("bridge", _ => BridgeResult.Answered(TimeSpan.FromSeconds(2), Party.Customer));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            await session.SetVariableAsync("effective_callee_id_number", "138****8000", ct);
            await session.SetVariableAsync("effective_callee_id_name", "138****8000", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDial + "13800138001", ct);
            return (bridge.OriginateDisposition, bridge.BridgeHangupCause, bridge.GetVariable("effective_callee_id_name"), session.IsHungUp);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((HangupCauses.Success, HangupCauses.NormalClearing, "138****8000", true), result);
        Assert.Equal("138****8000", flowSwitch.Variables["effective_callee_id_number"]);
        Assert.Equal(
            [Dispatch, Complete, Dispatch, Complete, Dispatch, Complete, Dispatch, "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_BRIDGE",
             "CHANNEL_UNBRIDGE", "CHANNEL_HANGUP", Complete, "CHANNEL_UNPARK", Complete,
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE", Notice],
            Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task Callback_to_an_unregistered_agent_reports_user_not_registered_and_the_switch_hangs_the_caller_up()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .WithCallerIdNumber("13911112222")
            .OnExecute("bridge", _ => BridgeResult.Failed(HangupCauses.UserNotRegistered));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            string? caller = session.ChannelData.CallerIdNumber;
            await session.SetVariableAsync("hangup_after_bridge", "false", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDevice, ct);

            // Without continue_on_fail the switch hangs the caller up when the bridge fails.
            var afterwards = await Assert.ThrowsAsync<EslChannelHangupException>(() => session.ExecuteAsync("playback", "agent_busy.wav", ct));
            return (caller, bridge.OriginateDisposition, bridge.GetVariable("dialed_user"), session.HangupCause, afterwards.HangupCause);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal(("13911112222", HangupCauses.UserNotRegistered, "1001", HangupCauses.UserNotRegistered, HangupCauses.UserNotRegistered), result);
        Assert.Equal(
            [Dispatch, Complete, Dispatch, "CHANNEL_HANGUP", Complete, "CHANNEL_UNPARK", Complete,
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE", Notice],
            Wire.Story(flowSwitch));
        Assert.Equal("606", flowSwitch.Variables["hangup_cause_q850"]);
    }

    [Fact]
    public async Task A_failed_bridge_with_continue_on_fail_leaves_the_caller_up_for_the_next_application()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .OnExecute("bridge", _ => BridgeResult.Failed(HangupCauses.NoAnswer));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("continue_on_fail", "NO_ANSWER,USER_BUSY", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDevice, ct);
            ApplicationResult prompt = await session.ExecuteAsync("playback", "ivr/agent_busy.wav", ct);
            return (bridge.OriginateDisposition, prompt.Response, session.IsHungUp);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((HangupCauses.NoAnswer, "FILE PLAYED", false), result);
        Assert.Null(flowSwitch.HangupCause);
    }

    [Fact]
    public async Task With_hangup_after_bridge_false_the_caller_stays_after_the_agent_leaves_and_answers_the_survey()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .OnExecute("bridge", _ => BridgeResult.Answered(TimeSpan.FromSeconds(3), Party.Agent))
            .OnExecute("play_and_get_digits", _ => Outcome.Digits("1"));

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("hangup_after_bridge", "false", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", Wire.AgentDevice, ct);
            bool upAfterAgentLeft = !session.IsHungUp;
            PlayAndGetDigitsResult rating = await session.PlayAndGetDigitsAsync(Wire.SurveyQuestion(), ct);
            await session.ExecuteAsync("hangup", HangupCauses.NormalClearing, ct);
            return (bridge.OriginateDisposition, bridge.BridgeHangupCause, upAfterAgentLeft, rating.Digits, rating.ReadResult, session.IsHungUp);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((HangupCauses.Success, HangupCauses.NormalClearing, true, "1", "success", true), result);
        Assert.Equal(
            [Dispatch, Complete, Dispatch, "CHANNEL_ANSWER", "CHANNEL_BRIDGE", "CHANNEL_UNBRIDGE", Complete,
             Dispatch, "DTMF", Complete,
             Dispatch, "CHANNEL_HANGUP", Complete, "CHANNEL_UNPARK", Complete,
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE", Notice],
            Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task Survey_hand_back_with_no_key_pressed_gives_no_digits_and_a_timeout()
    {
        FlowSwitch flowSwitch = FlowSwitch.SurveyHandBack()
            .OnExecute("play_and_get_digits", _ => Outcome.Timeout);

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            var handedBack = (session.ChannelData.DestinationNumber, session.ChannelData.Context, Survey: session.ChannelData.GetVariable("ivr_survey"));
            PlayAndGetDigitsResult rating = await session.PlayAndGetDigitsAsync(Wire.SurveyQuestion(), ct);
            ApplicationResult closing = await session.ExecuteAsync("playback", "ivr/thank_you.wav", ct);
            await session.ExecuteAsync("hangup", null, ct);
            return (handedBack, rating, closing.Response);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal(("survey", "controller", "outbound"), result.handedBack);
        Assert.Null(result.rating.Digits);
        Assert.True(result.rating.TimedOut);
        Assert.Equal("timeout", result.rating.ReadResult);
        Assert.Equal("FILE PLAYED", result.Response);
        Assert.DoesNotContain("DTMF", Wire.Story(flowSwitch));
        Assert.Equal(HangupCauses.NormalClearing, flowSwitch.HangupCause);
    }

    [Fact]
    public async Task Outcomes_scripted_in_order_answer_one_run_each_so_a_retry_gets_the_second()
    {
        FlowSwitch flowSwitch = FlowSwitch.SurveyHandBack()
            .OnExecute("play_and_get_digits", Outcome.Timeout, Outcome.InvalidDigits("7"), Outcome.Digits("5", terminator: '#'));

        var ratings = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            var results = new List<PlayAndGetDigitsResult>();
            for (int attempt = 0; attempt < 4; attempt++)
            {
                results.Add(await session.PlayAndGetDigitsAsync(Wire.SurveyQuestion(), ct));
            }

            return results;
        }, FlowCallOptions.EveryEvent);

        Assert.Equal([null, null, "5", "5"], ratings.Select(r => r.Digits));
        Assert.Equal(["timeout", "success", "success", "success"], ratings.Select(r => r.ReadResult));
        Assert.Equal("#", ratings[2].TerminatorUsed);
        Assert.Equal(4, flowSwitch.Executed.Count(e => e.Application == "play_and_get_digits"));
    }
}
