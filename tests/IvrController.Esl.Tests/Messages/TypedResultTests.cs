using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Messages;

/// <summary>Typed results built from frames the real switch sent.</summary>
public sealed class TypedResultTests
{
    [Theory]
    [InlineData("outbound-survey-after-agent-hangup", "ivr_survey_digit", "1", "success")]
    [InlineData("outbound-callback-agent-answers-then-survey", "ivr_survey_digit", "1", "success")]
    public void Play_and_get_digits_result_has_the_collected_digit(string capture, string variable, string digits, string readResult)
    {
        var result = PlayAndGetDigitsResult.From(new ApplicationResult(RecordedFrames.Completion(capture, "play_and_get_digits")), variable);
        Assert.Equal(digits, result.Digits);
        Assert.Equal(readResult, result.ReadResult);
        Assert.True(result.HasDigits);
    }

    [Theory]
    [InlineData("outbound-callback-agent-not-registered", HangupCauses.UserNotRegistered, null)] // no other leg ever answered
    [InlineData("outbound-callback-agent-answers-then-survey", HangupCauses.Success, HangupCauses.NormalClearing)]
    [InlineData("outbound-customer-hangs-up-first", HangupCauses.Success, HangupCauses.NormalClearing)]
    [InlineData("outbound-agent-call-bridge", HangupCauses.Success, null)] // this leg (the agent) hung up itself
    public void Bridge_result_tells_the_disposition_and_why_the_other_leg_ended(string capture, string disposition, string? bridgeHangupCause)
    {
        var bridge = new ApplicationResult(RecordedFrames.Completion(capture, "bridge"));
        Assert.Equal("bridge", bridge.Application);
        Assert.Equal(disposition, bridge.OriginateDisposition);
        Assert.Equal(bridgeHangupCause, bridge.BridgeHangupCause);
    }

    [Theory]
    [InlineData("outbound-callback-agent-answers-then-survey", "13800138000", "02152810000", "public")]
    [InlineData("outbound-agent-call-bridge", "1001", "13800138000", "agents")]
    [InlineData("outbound-survey-after-agent-hangup", "13800138000", "survey", "controller")]
    public void Channel_data_from_the_connect_reply(string capture, string callerId, string destination, string context)
    {
        using EslFrame connectReply = RecordedFrames.Read(Capture.Load(capture))[0];
        Assert.Equal(ContentTypes.CommandReply, connectReply.ContentType);
        Assert.Equal("+OK\n", connectReply.GetHeader(HeaderNames.ReplyText));

        var data = ChannelData.FromFrame(connectReply);
        Assert.True(data.IsFullControl);
        Assert.True(data.IsAsync);
        Assert.Equal(callerId, data.CallerIdNumber);
        Assert.Equal(destination, data.DestinationNumber);
        Assert.Equal(context, data.Context);
        Assert.Matches("^[0-9a-f-]{36}$", data.UniqueId);
    }

    [Fact]
    public void Background_job_results_from_the_recorded_bgapi_calls()
    {
        List<BackgroundJobResult> jobs = RecordedFrames.Events("inbound-api-bgapi-events")
            .Where(e => e.EventName == EventNames.BackgroundJob)
            .Select(BackgroundJobResult.FromEvent)
            .ToList();

        Assert.Equal(3, jobs.Count);
        Assert.True(jobs[0].IsOk);
        Assert.Equal("status", jobs[0].Command);
        Assert.False(jobs[1].IsOk);
        Assert.Equal("-ERR NORMAL_CLEARING", jobs[1].Text);
        Assert.Equal("daad1382-d1e2-4065-85f7-a82184004778", jobs[1].JobUuid);
    }

    [Theory]
    [InlineData("+OK accepted", true, "accepted")]
    [InlineData("-ERR invalid", false, "invalid")]
    [InlineData("+OK Job-UUID: 6605d568", true, "Job-UUID: 6605d568")]
    [InlineData("-ERR command not found", false, "command not found")]
    public void Command_replies(string replyText, bool ok, string message)
    {
        var reply = new CommandReply(replyText, null);
        Assert.Equal(ok, reply.IsOk);
        Assert.Equal(message, reply.Message);
    }

    [Theory]
    [InlineData("+OK hangup all channels\n", true)]
    [InlineData("error/user_not_registered", true)]
    [InlineData("-ERR nosuchcommand Command not found!\n", false)]
    [InlineData("-USAGE: <uuid>\n", false)]
    public void Api_responses(string body, bool ok) => Assert.Equal(ok, new ApiResponse(body).IsOk);

    [Fact]
    public void Disconnect_notice_with_linger()
    {
        using EslFrame notice = RecordedFrames.Read(Capture.Load("outbound-agent-call-bridge")).Single(f => f.ContentType == ContentTypes.DisconnectNotice);
        var parsed = DisconnectNotice.FromFrame(notice);
        Assert.True(parsed.IsLinger);
        Assert.Matches("^[0-9a-f-]{36}$", parsed.ControlledSessionUuid);
    }

    [Theory]
    [InlineData(1, 1, 2, 5000, "#", "tone_stream://%(300,0,800)", "silence_stream://250", "ivr_survey_digit", "\\d", "1 1 2 5000 # tone_stream://%(300,0,800) silence_stream://250 ivr_survey_digit \\d")]
    [InlineData(1, 4, 3, 8000, "#*", "/s/guide.wav", "/s/invalid.wav", "pin", "\\d{1,4}", "1 4 3 8000 #* /s/guide.wav /s/invalid.wav pin \\d{1,4}")]
    public void Play_and_get_digits_arguments_render_as_the_switch_expects(
        int min, int max, int tries, int timeoutMs, string terminators, string prompt, string invalid, string variable, string regex, string expected)
    {
        var request = new PlayAndGetDigits
        {
            MinDigits = min, MaxDigits = max, Tries = tries, Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            Terminators = terminators, Prompt = prompt, InvalidPrompt = invalid, VariableName = variable, DigitsRegex = regex,
        };
        Assert.Equal(expected, request.ToArgument());
    }

    [Fact]
    public void Play_and_get_digits_refuses_a_prompt_with_a_space()
    {
        var request = new PlayAndGetDigits { Prompt = "/sounds/my guide.wav", VariableName = "d" };
        Assert.Throws<ArgumentException>(request.ToArgument);
    }
}
