namespace IvrController.Store.Rows;

/// <summary>A row of <c>ivr_menus</c>. <see cref="DefaultTarget"/> is set exactly when <see cref="DefaultAction"/> needs one.</summary>
public sealed record IvrMenuRow(
    string Name,
    string GreetingPrompt,
    string InvalidPrompt,
    string TimeoutPrompt,
    int TimeoutMs,
    int MaxRetries,
    string DefaultAction,
    string? DefaultTarget,
    string? GreetingText = null,
    string? InvalidText = null,
    string? TimeoutText = null,
    bool Enabled = true);
