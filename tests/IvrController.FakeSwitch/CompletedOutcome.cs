namespace IvrController.FakeSwitch;

/// <summary>The application runs and completes at once, with a response and any variables it sets.</summary>
public sealed class CompletedOutcome(string? response, IReadOnlyDictionary<string, string>? variables = null) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        foreach ((string name, string value) in variables ?? new Dictionary<string, string>())
        {
            call.Channel.SetVariable(name, value);
        }

        await call.CompleteAsync(application, response, cancellationToken);
    }
}
