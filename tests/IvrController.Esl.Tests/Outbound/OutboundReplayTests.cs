using System.Net.Sockets;
using IvrController.Esl.Connection;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Esl.Tests.Outbound;

/// <summary>
/// Calls the real switch handed to a controller, replayed against our OutboundServer: the session
/// API drives each recorded flow end to end and gets the recorded results.
/// </summary>
public sealed class OutboundReplayTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private const string AgentBridge =
        "{origination_caller_id_number=02152810000,origination_caller_id_name=02152810000,ivr_agent_id=1001}[transfer_after_bridge=survey:XML:controller,ivr_survey=outbound]sofia/gateway/pstn/";

    private static async Task<(T Result, ReplaySwitch Replay)> CallAsync<T>(
        string capture, Func<OutboundSession, CancellationToken, Task<T>> flow, bool switchLeavesWhenDone = false)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The captures recorded every event myevents sends: replayed exactly, the session keeps them all.
        await using var server = new OutboundServer(
            new OutboundServerOptions { Port = 0, AllCallEvents = true },
            async (session, cancellationToken) =>
            {
                try
                {
                    outcome.TrySetResult(await flow(session, cancellationToken));
                }
                catch (Exception e)
                {
                    outcome.TrySetException(e);
                    throw;
                }
            },
            NullLoggerFactory.Instance);
        await server.StartAsync();

        var replay = ReplaySwitch.FromCapture(capture, switchLeavesWhenDone);
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.LocalEndPoint);
        Task peer = replay.RunAsync(socket.GetStream(), Timeout);

        T result = await outcome.Task.WaitAsync(Timeout);
        await peer.WaitAsync(Timeout);
        return (result, replay);
    }

    /// <summary>The survey question the recorded peer asked: one digit, two tries, tones for prompts.</summary>
    private static PlayAndGetDigits RecordedSurveyQuestion(TimeSpan timeout) => new()
    {
        MinDigits = 1, MaxDigits = 1, Tries = 2, Timeout = timeout, Terminators = "#",
        Prompt = "tone_stream://%(300,0,800)", InvalidPrompt = "silence_stream://250",
        VariableName = "ivr_survey_digit", DigitsRegex = "\\d",
    };

    private static async Task<EslEvent> NextEventAsync(OutboundSession session, string eventName)
    {
        await foreach (EslEvent e in session.Events.ReadAllAsync(Timeout))
        {
            if (e.EventName == eventName)
            {
                return e;
            }
        }

        throw new InvalidOperationException($"the session ended without {eventName}");
    }

    [Fact]
    public async Task Agent_call_bridged_to_the_carrier_with_the_chosen_caller_id()
    {
        var (result, replay) = await CallAsync("outbound-agent-call-bridge", async (session, ct) =>
        {
            Assert.Equal("1001", session.ChannelData.CallerIdNumber);
            Assert.Equal("13800138000", session.ChannelData.DestinationNumber);
            Assert.Equal("agents", session.ChannelData.Context);

            await session.SetVariableAsync("effective_caller_id_number", "02152810000", ct);
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", AgentBridge + "13800138000", ct);

            // With linger the final event still arrives after hang-up, with the CDR variables.
            EslEvent hangupComplete = await NextEventAsync(session, EventNames.ChannelHangupComplete);
            DisconnectNotice notice = await session.DisconnectNoticeReceived.WaitAsync(ct);
            return (bridge, session.IsHungUp, session.HangupCause, notice.IsLinger, Billsec: hangupComplete.GetVariable("billsec"));
        });

        Assert.Equal(HangupCauses.Success, result.bridge.OriginateDisposition);
        Assert.True(result.IsHungUp);
        Assert.Equal(HangupCauses.NormalClearing, result.HangupCause);
        Assert.True(result.IsLinger);
        Assert.Equal("3", result.Billsec);
        Assert.Equal(replay.Recorded.Select(c => c.Meaning), replay.Received.Select(c => c.Meaning));
        Assert.True(replay.ExitReceived);
    }

    [Fact]
    public async Task Events_nobody_read_are_handed_back_when_the_session_ends()
    {
        // A flow that only executes applications never reads Events: what queued there must not outlive the call
        // (each event holds pooled buffers; left in the queue, every call made the pool allocate afresh).
        var (session, _) = await CallAsync("outbound-customer-hangs-up-first", async (session, ct) =>
        {
            await session.SetVariableAsync("effective_caller_id_number", "02152810000", ct);
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            await session.SetVariableAsync("effective_callee_id_number", "138****8000", ct);
            await session.SetVariableAsync("effective_callee_id_name", "138****8000", ct);
            using ApplicationResult bridge = await session.ExecuteAsync("bridge", AgentBridge + "13800138001", ct);
            Assert.True(session.Events.Count > 0, "the recorded call sends events besides the completions");
            return session;
        });

        // Completion fires only once the queue is both closed and empty.
        await session.Events.Completion.WaitAsync(Timeout);
        Assert.False(session.Events.TryRead(out _));
    }

    [Fact]
    public async Task Customer_hangs_up_first_the_bridge_reports_it_and_the_agent_leg_ends()
    {
        var (result, replay) = await CallAsync("outbound-customer-hangs-up-first", async (session, ct) =>
        {
            await session.SetVariableAsync("effective_caller_id_number", "02152810000", ct);
            await session.SetVariableAsync("hangup_after_bridge", "true", ct);
            await session.SetVariableAsync("effective_callee_id_number", "138****8000", ct);
            await session.SetVariableAsync("effective_callee_id_name", "138****8000", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", AgentBridge + "13800138001", ct);
            return (bridge.OriginateDisposition, bridge.BridgeHangupCause, session.IsHungUp, session.CallEnded.IsCancellationRequested);
        });

        Assert.Equal((HangupCauses.Success, HangupCauses.NormalClearing, true, true), result);
        Assert.Equal(replay.Recorded.Select(c => c.Meaning), replay.Received.Select(c => c.Meaning));
    }

    [Fact]
    public async Task Survey_hand_back_collects_the_rfc2833_digit_then_the_switch_goes_away_mid_prompt()
    {
        var (result, replay) = await CallAsync("outbound-survey-after-agent-hangup", async (session, ct) =>
        {
            Assert.Equal("survey", session.ChannelData.DestinationNumber);
            Assert.Equal("controller", session.ChannelData.Context);
            Assert.Equal("outbound", session.ChannelData.GetVariable("ivr_survey"));

            PlayAndGetDigitsResult rating = await session.PlayAndGetDigitsAsync(RecordedSurveyQuestion(TimeSpan.FromSeconds(5)), ct);

            // The recording stops while the closing prompt plays: the pending application must fail, not hang.
            Exception closing = await Assert.ThrowsAsync<EslConnectionException>(() => session.ExecuteAsync("playback", "tone_stream://%(200,0,600)", ct));
            return (rating, closing.Message);
        }, switchLeavesWhenDone: true);

        Assert.Equal("1", result.rating.Digits);
        Assert.Equal("success", result.rating.ReadResult);
        Assert.Contains("closed the connection", result.Message, StringComparison.Ordinal);
        Assert.Equal(replay.Recorded.Select(c => c.Meaning), replay.Received.Select(c => c.Meaning));
    }

    [Fact]
    public async Task Callback_to_an_unregistered_agent_reports_user_not_registered_and_the_call_is_over()
    {
        var (result, replay) = await CallAsync("outbound-callback-agent-not-registered", async (session, ct) =>
        {
            Assert.Equal("13800138000", session.ChannelData.CallerIdNumber);
            Assert.Equal("02152810000", session.ChannelData.DestinationNumber);
            await session.SetVariableAsync("hangup_after_bridge", "false", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", "{ivr_leg=agent,origination_caller_id_number=138****8000}user/1001@127.0.0.1", ct);

            // Without continue_on_fail the switch hangs the caller up when the bridge fails.
            var afterwards = await Assert.ThrowsAsync<EslChannelHangupException>(() => session.ExecuteAsync("playback", "agent_busy.wav", ct));
            return (bridge.OriginateDisposition, session.HangupCause, afterwards.HangupCause);
        });

        Assert.Equal((HangupCauses.UserNotRegistered, HangupCauses.UserNotRegistered, HangupCauses.UserNotRegistered), result);
        Assert.Equal(replay.Recorded.Take(5).Select(c => c.Meaning), replay.Received.Select(c => c.Meaning));
    }

    [Fact]
    public async Task Callback_answered_by_the_agent_then_the_inbound_survey_on_the_same_session()
    {
        var (result, replay) = await CallAsync("outbound-callback-agent-answers-then-survey", async (session, ct) =>
        {
            await session.SetVariableAsync("hangup_after_bridge", "false", ct);
            ApplicationResult bridge = await session.ExecuteAsync("bridge", "{ivr_leg=agent,origination_caller_id_number=138****8000}user/1001@127.0.0.1", ct);
            bool upAfterAgentLeft = !session.IsHungUp;

            PlayAndGetDigitsResult rating = await session.PlayAndGetDigitsAsync(RecordedSurveyQuestion(TimeSpan.FromSeconds(8)), ct);
            ApplicationResult hangup = await session.ExecuteAsync("hangup", HangupCauses.NormalClearing, ct);
            return (bridge.OriginateDisposition, bridge.BridgeHangupCause, upAfterAgentLeft, rating.Digits, hangup.Application, session.IsHungUp);
        });

        Assert.Equal((HangupCauses.Success, HangupCauses.NormalClearing, true, "1", "hangup", true), result);
        Assert.Equal(replay.Recorded.Select(c => c.Meaning), replay.Received.Select(c => c.Meaning));
    }
}
