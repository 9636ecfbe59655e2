namespace IvrController.Rules.Ivr;

/// <summary>What the flow does next.</summary>
/// <param name="Kind">Collect a key, route the caller, or hang up.</param>
/// <param name="State">The state to pass to the next <see cref="IvrNavigator.Next"/> (Collect only).</param>
/// <param name="Notice">A prompt to play first ("that key is not valid"); null when none.</param>
/// <param name="Prompt">The prompt to collect on (Collect only).</param>
/// <param name="Timeout">How long to wait for the key (Collect only).</param>
/// <param name="Action">Where to route (Route only): a skill group or an agent.</param>
/// <param name="Reason">A loggable sentence.</param>
public sealed record IvrStep(
    IvrStepKind Kind,
    IvrState? State,
    string? Notice,
    string? Prompt,
    TimeSpan? Timeout,
    IvrAction? Action,
    string Reason);
