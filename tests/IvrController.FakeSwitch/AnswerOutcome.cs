using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary><c>answer</c>: CHANNEL_ANSWER (once), then the completion.</summary>
public sealed class AnswerOutcome : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        if (!call.Channel.IsAnswered)
        {
            call.Channel.Answer();
            await call.EmitAsync(EventNames.ChannelAnswer, [], cancellationToken);
        }

        await call.CompleteAsync(application, null, cancellationToken);
    }
}
