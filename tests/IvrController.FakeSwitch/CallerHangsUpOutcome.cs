namespace IvrController.FakeSwitch;

/// <summary>The caller hangs up while the application runs: it completes only after CHANNEL_HANGUP.</summary>
public sealed class CallerHangsUpOutcome(string cause) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        await call.EndCallAsync(new HangupRequest(HangupOrigin.Caller, cause), application, cancellationToken);
    }
}
