namespace IvrController.Rules.Ivr;

/// <summary>What a key (or running out of retries) does. <see cref="Target"/> is the skill group, agent or menu it names.</summary>
public sealed record IvrAction
{
    private IvrAction(IvrActionKind kind, string? target)
    {
        Kind = kind;
        Target = target;
    }

    public static IvrAction Repeat { get; } = new(IvrActionKind.Repeat, null);

    public static IvrAction Hangup { get; } = new(IvrActionKind.Hangup, null);

    public IvrActionKind Kind { get; }

    /// <summary>Skill group id, agent id or menu name; null for Repeat and Hangup.</summary>
    public string? Target { get; }

    public static IvrAction ToSkillGroup(string skillGroupId) => new(IvrActionKind.SkillGroup, Required(skillGroupId, nameof(skillGroupId)));

    public static IvrAction ToAgent(string agentId) => new(IvrActionKind.Agent, Required(agentId, nameof(agentId)));

    public static IvrAction ToSubmenu(string menuName) => new(IvrActionKind.Submenu, Required(menuName, nameof(menuName)));

    /// <summary>"skill group sales", "agent 1001", "menu billing", "repeat", "hang up".</summary>
    public override string ToString() => Kind switch
    {
        IvrActionKind.SkillGroup => $"skill group {Target}",
        IvrActionKind.Agent => $"agent {Target}",
        IvrActionKind.Submenu => $"menu {Target}",
        IvrActionKind.Repeat => "repeat",
        _ => "hang up",
    };

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("An IVR action needs a target.", name) : value;
}
