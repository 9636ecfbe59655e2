namespace IvrController.FakeSwitch;

/// <summary>
/// Nobody answers the bridge (USER_NOT_REGISTERED, NO_ANSWER, USER_BUSY, ...): the completion
/// carries <c>originate_disposition</c> = the cause. Unless <c>continue_on_fail</c> allows that
/// cause, the switch hangs this leg up with it, as in outbound-callback-agent-not-registered.
/// </summary>
public sealed class FailedBridgeOutcome(string cause) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        CallChannel channel = call.Channel;
        var target = DialTarget.Parse(application.Argument);
        await call.StartAsync(application, cancellationToken);
        if (target.IsUser)
        {
            channel.SetVariable("dialed_user", target.User);
            channel.SetVariable("dialed_domain", target.Domain);
        }

        channel.SetVariable("originate_disposition", cause);
        channel.SetVariable("DIALSTATUS", cause);
        channel.SetVariable("originate_failed_cause", cause);
        if (ContinuesOnFail(channel.GetVariable("continue_on_fail")))
        {
            await call.CompleteAsync(application, null, cancellationToken);
            return;
        }

        await call.EndCallAsync(new HangupRequest(HangupOrigin.Controller, cause), application, cancellationToken);
    }

    /// <summary>continue_on_fail is "true" or a list of the causes to continue on.</summary>
    private bool ContinuesOnFail(string? setting) =>
        setting is not null
        && (string.Equals(setting, "true", StringComparison.OrdinalIgnoreCase)
            || setting.Split(',', StringSplitOptions.TrimEntries).Contains(cause, StringComparer.OrdinalIgnoreCase));
}
