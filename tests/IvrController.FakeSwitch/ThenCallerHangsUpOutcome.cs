namespace IvrController.FakeSwitch;

/// <summary>Another outcome, then the caller hangs up before the next queued application.</summary>
public sealed class ThenCallerHangsUpOutcome(ApplicationOutcome first, string cause) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await first.PlayAsync(call, application, cancellationToken);
        await call.EndCallAsync(new HangupRequest(HangupOrigin.Caller, cause), null, cancellationToken);
    }
}
