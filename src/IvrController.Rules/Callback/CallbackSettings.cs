namespace IvrController.Rules.Callback;

/// <summary>Callback memory: a customer calling back within <see cref="Window"/> reaches the agent who called them.</summary>
public sealed record CallbackSettings
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(72);
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The longest ring that still makes sense before the customer gives up.</summary>
    public static readonly TimeSpan MaxRingTimeout = TimeSpan.FromSeconds(120);

    public bool Enabled { get; init; } = true;

    public CallbackMode Mode { get; init; } = CallbackMode.OriginalAgentFirst;

    public TimeSpan Window { get; init; } = DefaultWindow;

    public TimeSpan RingTimeout { get; init; } = DefaultRingTimeout;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            errors.Add($"callback mode {(int)Mode} is unknown: 1 is original agent only, 2 original agent first");
        }

        if (Window <= TimeSpan.Zero)
        {
            errors.Add("callback window must be longer than zero");
        }

        if (RingTimeout < TimeSpan.FromSeconds(1) || RingTimeout > MaxRingTimeout)
        {
            errors.Add($"callback ring timeout must be 1 to {MaxRingTimeout.TotalSeconds:0} s");
        }

        return errors;
    }
}
