using System.Globalization;
using IvrController.FakeSwitch;

namespace IvrController.Load;

/// <summary>
/// Which call comes next and the fake switch legs that play it. In every five calls: three outbound calls with
/// their survey, one callback from a customer called earlier in the run, one IVR call.
/// </summary>
internal sealed class CallMix
{
    private readonly List<string> _calledCustomers = [];
    private int _next;

    public static CallKind KindOf(int sequence) => (sequence % 5) switch
    {
        3 => CallKind.Callback,
        4 => CallKind.Ivr,
        _ => CallKind.OutboundWithSurvey,
    };

    /// <summary>A distinct mobile number per outbound call (139…), as the agent dials it.</summary>
    public static string OutboundCustomer(int sequence) => "139" + sequence.ToString("00000000", CultureInfo.InvariantCulture);

    /// <summary>A distinct number nobody called (137…).</summary>
    public static string StrangerCustomer(int sequence) => "137" + sequence.ToString("00000000", CultureInfo.InvariantCulture);

    public static string E164(string mobile) => "+86" + mobile;

    /// <summary>The agent leg of outbound call <paramref name="sequence"/>; <paramref name="holdUntilHangup"/> parks it in the bridge.</summary>
    public static FlowSwitch AgentDials(int sequence, bool holdUntilHangup = false) =>
        FlowSwitch.AgentLeg()
            .WithAuthenticatedUser(LoadCentre.AgentId(sequence))
            .WithVariable("ivr_entry", "agents")
            .WithDestinationNumber(OutboundCustomer(sequence))
            .OnExecute("bridge", holdUntilHangup ? BridgeResult.AnsweredUntilHangup() : BridgeResult.Answered(TimeSpan.FromSeconds(30), Party.Agent));

    /// <summary>The customer leg the switch hands back after the agent of <paramref name="agentLeg"/> hung up first.</summary>
    public static FlowSwitch SurveyHandBack(int sequence, FlowSwitch agentLeg) =>
        FlowSwitch.SurveyHandBack()
            .WithVariable("ivr_entry", "survey")
            .WithVariable("ivr_call_id", agentLeg.UniqueId)
            .WithVariable("ivr_agent_id", LoadCentre.AgentId(sequence))
            .WithVariable("ivr_survey", "outbound")
            .WithVariable("ivr_survey_template", "1")
            .WithVariable("ivr_customer", E164(OutboundCustomer(sequence)))
            .OnExecute("play_and_get_digits", Outcome.Digits("1"));

    public static FlowSwitch CustomerCallsBack(string customer) =>
        FlowSwitch.CustomerCallback()
            .WithVariable("ivr_entry", "public")
            .WithCallerIdNumber(customer)
            .WithDestinationNumber(LoadCentre.OurNumber)
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(30), Party.Agent))
            .OnExecute("play_and_get_digits", Outcome.Digits("1"));

    public static FlowSwitch StrangerCalls(int sequence) =>
        FlowSwitch.CustomerCallback()
            .WithVariable("ivr_entry", "public")
            .WithCallerIdNumber(StrangerCustomer(sequence))
            .WithDestinationNumber(LoadCentre.OurNumber)
            .OnExecute("play_and_get_digits", Outcome.Digits("1"))
            .OnExecute("bridge", BridgeResult.Answered(TimeSpan.FromSeconds(30), Party.Customer));

    /// <summary>A customer whose outbound call has finished, for the next callback; in call order, round robin.</summary>
    public string? CustomerToCallBack()
    {
        lock (_calledCustomers)
        {
            return _calledCustomers.Count == 0 ? null : _calledCustomers[_next++ % _calledCustomers.Count];
        }
    }

    public void Called(string customer)
    {
        lock (_calledCustomers)
        {
            _calledCustomers.Add(customer);
        }
    }
}
