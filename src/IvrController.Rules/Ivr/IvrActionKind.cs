namespace IvrController.Rules.Ivr;

public enum IvrActionKind
{
    /// <summary>Route the caller to a skill group.</summary>
    SkillGroup,

    /// <summary>Route the caller to one agent.</summary>
    Agent,

    /// <summary>Go to another menu.</summary>
    Submenu,

    /// <summary>Play this menu again.</summary>
    Repeat,

    /// <summary>End the call.</summary>
    Hangup,
}
