namespace IvrController.Flows;

/// <summary>
/// Every channel variable the controller reads or sets, in one place: ours (<c>ivr_*</c>, which the
/// dialplan of freeswitch-conf/ and the legs the controller dials carry between sessions, so any
/// controller can pick a call up) and FreeSWITCH's own that the flows set on legs and dial strings.
/// </summary>
public static class ChannelVariables
{
    // Ours: set by the dialplan or by the controller, read back in a later session of the same call.

    /// <summary>Which flow a leg is for: agents, public, survey, click_to_call (dialplan or click-to-call).</summary>
    public const string Entry = "ivr_entry";

    /// <summary>The number the caller dialled, as the dialplan saw it before any rewrite.</summary>
    public const string DialledNumber = "ivr_dialed_number";

    /// <summary>The call's id in the call log (the agent leg's UUID), on every leg the controller dials.</summary>
    public const string CallId = "ivr_call_id";

    /// <summary>The agent of a call: set by click-to-call on the agent leg and on the customer's leg for the survey.</summary>
    public const string AgentId = "ivr_agent_id";

    /// <summary>Whom click-to-call should call: a customer ID, or a number in E.164.</summary>
    public const string ClickToCallCustomer = "ivr_click_to_call";

    /// <summary>Which survey a handed-back customer leg is for (outbound, inbound).</summary>
    public const string Survey = "ivr_survey";

    /// <summary>The survey template the hand-back plays.</summary>
    public const string SurveyTemplate = "ivr_survey_template";

    /// <summary>The customer's number (E.164) on a handed-back leg, for the survey result.</summary>
    public const string Customer = "ivr_customer";

    /// <summary>Where play_and_get_digits puts the survey's key.</summary>
    public const string SurveyDigit = "ivr_survey_digit";

    /// <summary>Where play_and_get_digits puts the IVR menu's key.</summary>
    public const string MenuDigit = "ivr_menu_digit";

    // FreeSWITCH's own.

    /// <summary>The SIP user that authenticated the call: the agent of a phone's own call.</summary>
    public const string SipAuthUsername = "sip_auth_username";

    public const string OriginationUuid = "origination_uuid";

    public const string OriginationCallerIdNumber = "origination_caller_id_number";

    public const string OriginationCallerIdName = "origination_caller_id_name";

    /// <summary>What the agent's phone is told about the callee (replaces the Remote-Party-ID it gets).</summary>
    public const string EffectiveCalleeIdNumber = "effective_callee_id_number";

    public const string EffectiveCalleeIdName = "effective_callee_id_name";

    public const string HangupAfterBridge = "hangup_after_bridge";

    public const string ContinueOnFail = "continue_on_fail";

    /// <summary>On the customer's leg: where it goes when the agent hangs up first (the survey hand-back).</summary>
    public const string TransferAfterBridge = "transfer_after_bridge";

    public const string LegTimeout = "leg_timeout";

    public const string OriginateTimeout = "originate_timeout";

    /// <summary>The bridge's result on the calling leg (SUCCESS once the other side answered).</summary>
    public const string OriginateDisposition = "originate_disposition";

    public const string SoundPrefix = "sound_prefix";
}
