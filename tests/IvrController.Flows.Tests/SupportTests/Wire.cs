using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.FakeSwitch;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>Small readers of what went over the wire, shared by the FlowSwitch tests.</summary>
internal static class Wire
{
    /// <summary>The dial string prefix the recorded controller used for agent calls.</summary>
    public const string AgentDial =
        "{origination_caller_id_number=02152810000,origination_caller_id_name=02152810000,ivr_agent_id=1001}[transfer_after_bridge=survey:XML:controller,ivr_survey=outbound]sofia/gateway/pstn/";

    public const string AgentDevice = "{ivr_leg=agent,origination_caller_id_number=138****8000,origination_caller_id_name=138****8000}user/1001@127.0.0.1";

    /// <summary>
    /// The events and linger notices the switch sent, in order. Replies are left out (their
    /// interleaving depends on the flow), and so is the goodbye after exit: the controller may
    /// close before it is written, as it may with the real switch.
    /// </summary>
    public static List<string> Story(FlowSwitch flowSwitch) =>
        flowSwitch.Sent
            .Where(f => f.ContentType is not (ContentTypes.CommandReply or ContentTypes.ApiResponse))
            .Where(f => f.ContentType != ContentTypes.DisconnectNotice || f.Text.Contains("Content-Disposition: linger", StringComparison.Ordinal))
            .Select(f => f.EventName ?? f.ContentType)
            .ToList();

    public static async Task<EslEvent> NextEventAsync(OutboundSession session, string eventName, CancellationToken cancellationToken)
    {
        await foreach (EslEvent e in session.Events.ReadAllAsync(cancellationToken))
        {
            if (e.EventName == eventName)
            {
                return e;
            }
        }

        throw new InvalidOperationException($"the session ended without {eventName}");
    }

    public static PlayAndGetDigits SurveyQuestion() => new()
    {
        MinDigits = 1, MaxDigits = 1, Tries = 2, Timeout = TimeSpan.FromSeconds(5), Terminators = "#",
        Prompt = "tone_stream://%(300,0,800)", InvalidPrompt = "silence_stream://250",
        VariableName = "ivr_survey_digit", DigitsRegex = "\\d",
    };
}
