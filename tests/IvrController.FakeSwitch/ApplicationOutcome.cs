using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// How one application run ends, as a test scripts it (<see cref="Outcome"/>, <see cref="BridgeResult"/>).
/// Each outcome emits the frames the real switch sends for that story through the <see cref="CallDriver"/>.
/// </summary>
public abstract class ApplicationOutcome
{
    public abstract Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken);

    /// <summary>This outcome, then the caller hangs up (before the controller's next application runs).</summary>
    public ApplicationOutcome ThenCallerHangsUp(string cause = HangupCauses.NormalClearing) => new ThenCallerHangsUpOutcome(this, cause);
}
