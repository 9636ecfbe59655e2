using IvrController.Esl.Connection;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.FakeSwitch;
using Xunit;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>Hang-ups the test fires, or the controller asks for, at any moment of the call.</summary>
public sealed class HangupTriggerTests
{
    [Fact]
    public async Task The_caller_hanging_up_during_a_prompt_ends_the_call_and_the_prompt_completes_after_the_hangup()
    {
        FlowSwitch flowSwitch = FlowSwitch.SurveyHandBack().OnExecute("playback", Outcome.RunsUntilHangup);

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            Task<ApplicationResult> prompt = session.ExecuteAsync("playback", "ivr/long_prompt.wav", ct);
            await flowSwitch.WhenExecutingAsync("playback", ct);
            bool upWhilePlaying = !session.IsHungUp;
            await flowSwitch.CallerHangsUpAsync(HangupCauses.NormalClearing, ct);
            ApplicationResult completed = await prompt;
            return (upWhilePlaying, completed.Application, session.IsHungUp, session.HangupCause);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((true, "playback", true, HangupCauses.NormalClearing), result);
        Assert.Equal(
            ["CHANNEL_EXECUTE", "CHANNEL_HANGUP", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_UNPARK", "CHANNEL_EXECUTE_COMPLETE",
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE", "text/disconnect-notice"],
            Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task A_caller_scripted_to_hang_up_after_a_prompt_hears_it_and_the_next_application_fails()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .OnExecute("playback", Outcome.FilePlayed.ThenCallerHangsUp());

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            ApplicationResult greeting = await session.ExecuteAsync("playback", "ivr/welcome.wav", ct);
            var next = await Assert.ThrowsAsync<EslChannelHangupException>(() => session.ExecuteAsync("playback", "ivr/menu.wav", ct));
            return (greeting.Response, next.HangupCause);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal(("FILE PLAYED", HangupCauses.NormalClearing), result);
    }

    [Fact]
    public async Task The_controller_hanging_up_a_held_bridge_ends_the_call_and_the_bridge_completes_after_the_hangup()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg().OnExecute("bridge", _ => BridgeResult.AnsweredUntilHangup());

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            Task<ApplicationResult> bridge = session.ExecuteAsync("bridge", Wire.AgentDial + "13800138000", ct);
            await flowSwitch.WhenBridgedAsync(ct);
            await session.HangupAsync(HangupCauses.CallRejected, ct);
            ApplicationResult completed = await bridge;
            return (completed.OriginateDisposition, session.HangupCause);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((HangupCauses.Success, HangupCauses.CallRejected), result);
        Assert.Equal(HangupCauses.CallRejected, flowSwitch.Received.Single(c => c.CallCommand == "hangup").Header("hangup-cause"));
        Assert.Equal(
            ["CHANNEL_EXECUTE", "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_BRIDGE",
             "CHANNEL_HANGUP", "CHANNEL_UNBRIDGE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_UNPARK", "CHANNEL_EXECUTE_COMPLETE",
             "CHANNEL_STATE", "CHANNEL_STATE", "CHANNEL_HANGUP_COMPLETE", "text/disconnect-notice"],
            Wire.Story(flowSwitch));
    }

    [Fact]
    public async Task The_agent_leaving_a_held_callback_bridge_hands_the_caller_back_to_the_flow()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback().OnExecute("bridge", _ => BridgeResult.AnsweredUntilHangup());

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariableAsync("hangup_after_bridge", "false", ct);
            Task<ApplicationResult> bridge = session.ExecuteAsync("bridge", Wire.AgentDevice, ct);
            await flowSwitch.WhenBridgedAsync(ct);
            await flowSwitch.PartyHangsUpAsync(Party.Agent, HangupCauses.NormalClearing, ct);
            ApplicationResult completed = await bridge;
            return (completed.BridgeHangupCause, completed.GetVariable("bridge_channel"), session.IsHungUp);
        }, FlowCallOptions.EveryEvent);

        Assert.Equal((HangupCauses.NormalClearing, "sofia/agents/1001@127.0.0.1:5071", false), result);
        Assert.Null(flowSwitch.HangupCause);
    }

    [Fact]
    public async Task Without_linger_the_switch_says_goodbye_and_closes_at_hang_up_so_the_bridge_never_completes()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .OnExecute("bridge", _ => BridgeResult.Answered(TimeSpan.FromSeconds(5), Party.Agent));
        var options = new FlowCallOptions { Server = new OutboundServerOptions { Linger = false, DrainTimeout = TimeSpan.FromSeconds(1), AllCallEvents = true } };

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await Assert.ThrowsAsync<EslConnectionException>(() => session.ExecuteAsync("bridge", Wire.AgentDial + "13800138000", ct));
            DisconnectNotice notice = await session.DisconnectNoticeReceived.WaitAsync(ct);
            return (notice.IsLinger, notice.Disposition, session.HangupCause);
        }, options);

        Assert.Equal((false, "disconnect", HangupCauses.NormalClearing), result);
        Assert.DoesNotContain("linger", flowSwitch.Received.Select(c => c.Verb));
        Assert.Equal("CHANNEL_HANGUP", Wire.Story(flowSwitch)[^1]);
        Assert.Contains("Content-Disposition: disconnect", flowSwitch.Sent[^1].Text, StringComparison.Ordinal);
    }
}
