using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>The <c>hangup</c> application: the call ends with the cause in its argument (NORMAL_CLEARING by default).</summary>
public sealed class HangupOutcome : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        string cause = string.IsNullOrWhiteSpace(application.Argument) ? HangupCauses.NormalClearing : application.Argument.Trim();
        await call.EndCallAsync(new HangupRequest(HangupOrigin.Controller, cause), application, cancellationToken);
    }
}
