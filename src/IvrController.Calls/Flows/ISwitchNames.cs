namespace IvrController.Flows;

/// <summary>
/// The names of the switches the controller serves (<c>Switches:N:Name</c>, or <c>default</c> with <c>Esl:*</c>
/// alone), as the call log keeps them: which switch a call ran on.
/// </summary>
public interface ISwitchNames
{
    /// <summary>
    /// The name of the switch whose core UUID is <paramref name="callSwitchCore"/> (the Core-UUID of a leg's channel
    /// data); the only switch's name when there is one; null when no switch is known to have it (a call handed over
    /// before its switch's core UUID was read).
    /// </summary>
    string? NameOf(string? callSwitchCore);
}
