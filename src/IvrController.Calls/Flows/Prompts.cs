namespace IvrController.Flows;

/// <summary>
/// The prompts the flows play (files in sounds/&lt;language&gt;/, see sounds/prompts.tsv). The switch
/// puts sound_prefix (the language's directory) in front of a relative name.
/// </summary>
public static class Prompts
{
    public const string NoCallerNumber = "no_caller_number";
    public const string CallFailed = "call_failed";
    public const string CalleeBusy = "callee_busy";
    public const string NoAnswer = "no_answer";
    public const string InvalidNumber = "invalid_number";
    public const string CustomerNotFound = "customer_not_found";
    public const string AgentBusy = "agent_busy";
    public const string ServiceUnavailable = "service_unavailable";
    public const string Goodbye = "ivr_goodbye";

    /// <summary>The file for a prompt name: "survey_closing" → "survey_closing.wav"; a name with an extension or scheme is kept.</summary>
    public static string File(string prompt) =>
        prompt.Contains("://", StringComparison.Ordinal) || Path.HasExtension(prompt) ? prompt : prompt + ".wav";

    /// <summary>What to tell an agent whose call did not connect, by originate_disposition.</summary>
    public static string ForFailedBridge(string? disposition) => disposition switch
    {
        "USER_BUSY" => CalleeBusy,
        "NO_ANSWER" or "NO_USER_RESPONSE" or "ORIGINATOR_CANCEL" => NoAnswer,
        "UNALLOCATED_NUMBER" or "INVALID_NUMBER_FORMAT" or "NO_ROUTE_DESTINATION" => InvalidNumber,
        _ => CallFailed,
    };
}
