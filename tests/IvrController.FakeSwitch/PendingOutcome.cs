namespace IvrController.FakeSwitch;

/// <summary>The application keeps running (a long prompt, a park) until someone hangs up.</summary>
public sealed class PendingOutcome : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        HangupRequest hangup = await call.WaitForHangupAsync(cancellationToken);
        if (hangup.Origin == HangupOrigin.OtherParty)
        {
            throw new FlowSwitchException($"The test hung up the other party during '{application}', but no bridge was up");
        }

        await call.EndCallAsync(hangup, application, cancellationToken);
    }
}
