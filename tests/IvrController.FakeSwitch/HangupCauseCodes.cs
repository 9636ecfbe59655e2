namespace IvrController.FakeSwitch;

/// <summary>The Q.850 code the switch reports beside each hang-up cause (<c>hangup_cause_q850</c>).</summary>
public static class HangupCauseCodes
{
    private static readonly Dictionary<string, int> Codes = new(StringComparer.Ordinal)
    {
        ["UNALLOCATED_NUMBER"] = 1,
        ["NO_ROUTE_DESTINATION"] = 3,
        ["NORMAL_CLEARING"] = 16,
        ["USER_BUSY"] = 17,
        ["NO_USER_RESPONSE"] = 18,
        ["NO_ANSWER"] = 19,
        ["SUBSCRIBER_ABSENT"] = 20,
        ["CALL_REJECTED"] = 21,
        ["INVALID_NUMBER_FORMAT"] = 28,
        ["NORMAL_UNSPECIFIED"] = 31,
        ["NORMAL_TEMPORARY_FAILURE"] = 41,
        ["SERVICE_UNAVAILABLE"] = 63,
        ["ORIGINATOR_CANCEL"] = 487,
        ["USER_NOT_REGISTERED"] = 606,
    };

    public static int Q850(string cause) => Codes.GetValueOrDefault(cause, 31);
}
