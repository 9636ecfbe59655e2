using IvrController.Esl.Framing;

namespace IvrController.Esl.Connection;

public sealed record EslConnectionOptions
{
    public static EslConnectionOptions Default { get; } = new();

    /// <summary>How long a command waits for its reply before failing with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public EslFrameLimits Limits { get; init; } = EslFrameLimits.Default;
}
