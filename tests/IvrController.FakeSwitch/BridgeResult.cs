namespace IvrController.FakeSwitch;

/// <summary>How a bridge ends, for <c>OnExecute("bridge", ...)</c>.</summary>
public static class BridgeResult
{
    /// <summary>The other party answers; after <paramref name="talk"/> (call time, not waited for) one side hangs up.</summary>
    public static ApplicationOutcome Answered(TimeSpan talk, Party whoHangsUpFirst) => new AnsweredBridgeOutcome(talk, whoHangsUpFirst);

    /// <summary>The other party answers and the call stays bridged until the test hangs a party up.</summary>
    public static ApplicationOutcome AnsweredUntilHangup() => new AnsweredBridgeOutcome(TimeSpan.Zero, null);

    /// <summary>Nobody answers: <c>originate_disposition</c> is <paramref name="cause"/> (USER_NOT_REGISTERED, NO_ANSWER, USER_BUSY, ...).</summary>
    public static ApplicationOutcome Failed(string cause) => new FailedBridgeOutcome(cause);
}
