using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>Outcomes for <c>OnExecute</c>; bridges have their own in <see cref="BridgeResult"/>.</summary>
public static class Outcome
{
    /// <summary>Completes at once with Application-Response <c>_none_</c> (what unscripted applications do).</summary>
    public static ApplicationOutcome None { get; } = new CompletedOutcome(null);

    /// <summary>playback played the whole file.</summary>
    public static ApplicationOutcome FilePlayed { get; } = new CompletedOutcome("FILE PLAYED");

    /// <summary>play_and_get_digits: no digit in any try (<c>read_result=timeout</c>, no variable).</summary>
    public static ApplicationOutcome Timeout { get; } = new DigitsOutcome(string.Empty, null, valid: true);

    /// <summary>The application keeps running until someone hangs up (then it completes after CHANNEL_HANGUP).</summary>
    public static ApplicationOutcome RunsUntilHangup { get; } = new PendingOutcome();

    /// <summary>Completes with this Application-Response and these variables set on the channel.</summary>
    public static ApplicationOutcome Completed(string? response, IReadOnlyDictionary<string, string>? variables = null) =>
        new CompletedOutcome(response, variables);

    /// <summary>play_and_get_digits / read: the caller pressed <paramref name="digits"/> (then the terminator, if given).</summary>
    public static ApplicationOutcome Digits(string digits, char? terminator = null) => new DigitsOutcome(digits, terminator, valid: true);

    /// <summary>play_and_get_digits: the last try's digits did not match the regex (<c>&lt;var&gt;_invalid</c>).</summary>
    public static ApplicationOutcome InvalidDigits(string digits) => new DigitsOutcome(digits, null, valid: false);

    /// <summary>The caller hangs up while the application runs.</summary>
    public static ApplicationOutcome CallerHangsUp(string cause = HangupCauses.NormalClearing) => new CallerHangsUpOutcome(cause);
}
