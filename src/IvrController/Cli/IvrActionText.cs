using IvrController.Admin;
using IvrController.Rules.Ivr;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary>
/// Menu actions and options as ivrctl reads and prints them: "hangup", "repeat", "skill_group:sales",
/// "agent:1001", "submenu:billing"; an option is "KEY=ACTION", e.g. "1=skill_group:sales".
/// </summary>
public static class IvrActionText
{
    private const string Forms = "hangup, repeat, skill_group:GROUP, agent:AGENT or submenu:MENU";

    public static IvrAction ParseAction(string option, string text) => ParseAction(option, text, text);

    /// <summary>"1=skill_group:sales". The key is one character; whether it is a phone key is the rules' call.</summary>
    public static IvrOption ParseOption(string option, string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals != 1)
        {
            throw new CliException($"{option} '{text}' is not KEY=ACTION with a one-character key, e.g. 1=skill_group:sales.");
        }

        return new IvrOption(text[0], ParseAction(option, text[2..], text));
    }

    public static string Format(IvrAction action) =>
        action.Target is { } target ? $"{RuleWords.IvrActions.Word(action.Kind)}:{target}" : RuleWords.IvrActions.Word(action.Kind);

    public static string Format(IvrOption option) => $"{option.Digit}={Format(option.Action)}";

    // shown: what the admin typed, for the message (the whole option, not only its action).
    private static IvrAction ParseAction(string option, string text, string shown)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string word = colon < 0 ? text : text[..colon];
        string? target = colon < 0 ? null : text[(colon + 1)..];
        if (!RuleWords.IvrActions.TryParse(word, out IvrActionKind kind))
        {
            throw new CliException($"{option} '{shown}': the action must be {Forms}.");
        }

        bool needsTarget = kind is IvrActionKind.SkillGroup or IvrActionKind.Agent or IvrActionKind.Submenu;
        if (needsTarget != !string.IsNullOrWhiteSpace(target))
        {
            throw new CliException(needsTarget
                ? $"{option} '{shown}': {word} needs a target, e.g. {word}:NAME."
                : $"{option} '{shown}': {word} takes no target.");
        }

        return kind switch
        {
            IvrActionKind.SkillGroup => IvrAction.ToSkillGroup(target!),
            IvrActionKind.Agent => IvrAction.ToAgent(target!),
            IvrActionKind.Submenu => IvrAction.ToSubmenu(target!),
            IvrActionKind.Repeat => IvrAction.Repeat,
            _ => IvrAction.Hangup,
        };
    }
}
