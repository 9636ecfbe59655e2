using System.Diagnostics.CodeAnalysis;
using IvrController.Rules.Keypad;
using IvrController.Rules.Prompts;

namespace IvrController.Rules.Ivr;

/// <summary>
/// One IVR menu (DESIGN 2.6): a greeting, keys, and what happens after too many wrong or missing keys.
/// A caller gets <see cref="MaxRetries"/> more tries after the first; then <see cref="DefaultAction"/>.
/// </summary>
public sealed record IvrMenu
{
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 60;
    public const int MinRetries = 1;
    public const int MaxRetryLimit = 5;

    public required string Name { get; init; }

    public required string Greeting { get; init; }

    /// <summary>
    /// The words <see cref="Greeting"/> was made from (then it is the rendered file); null when it names a file
    /// under sounds/. Menus have no language: the words choose the voice (<see cref="PromptWords.LanguageOf"/>).
    /// </summary>
    public string? GreetingText { get; init; }

    /// <summary>The words of <see cref="InvalidPrompt"/>, as <see cref="GreetingText"/>.</summary>
    public string? InvalidText { get; init; }

    /// <summary>The words of <see cref="TimeoutPrompt"/>, as <see cref="GreetingText"/>.</summary>
    public string? TimeoutText { get; init; }

    public IReadOnlyList<IvrOption> Options { get; init; } = [];

    /// <summary>How long to wait for a key after the greeting.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public required string InvalidPrompt { get; init; }

    public required string TimeoutPrompt { get; init; }

    /// <summary>Tries after the first before <see cref="DefaultAction"/>.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>What happens once retries are exhausted; never Repeat, which would keep a silent caller forever.</summary>
    public IvrAction DefaultAction { get; init; } = IvrAction.Hangup;

    /// <summary>
    /// False: no caller hears this menu. A number that names it answers as a number without a menu, and a key or
    /// default that goes to it ends the call, as one to a missing submenu does (<see cref="IvrNavigator"/>).
    /// </summary>
    public bool Enabled { get; init; } = true;

    public bool TryGetOption(char digit, [NotNullWhen(true)] out IvrOption? option)
    {
        foreach (IvrOption candidate in Options)
        {
            if (candidate.Digit == digit)
            {
                option = candidate;
                return true;
            }
        }

        option = null;
        return false;
    }

    /// <summary>
    /// Problems with this menu alone. Targets are checked against the sets given; a null set is not checked.
    /// Loops between menus need all of them: see <see cref="IvrMenuCatalog.Validate"/>.
    /// </summary>
    public IReadOnlyList<string> Validate(
        IReadOnlySet<string> knownMenus,
        IReadOnlySet<string>? knownSkillGroups = null,
        IReadOnlySet<string>? knownAgents = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name is empty");
        }

        foreach ((string what, string prompt) in new[] { ("greeting", Greeting), ("invalid prompt", InvalidPrompt), ("timeout prompt", TimeoutPrompt) })
        {
            if (PromptName.ProblemWith(what, prompt) is { } problem)
            {
                errors.Add(problem);
            }
        }

        foreach ((string what, string? words) in new[] { ("greeting", GreetingText), ("invalid prompt", InvalidText), ("timeout prompt", TimeoutText) })
        {
            if (words is not null && PromptWords.ProblemWith(what, words) is { } problem)
            {
                errors.Add(problem);
            }
        }

        var seen = new HashSet<char>();
        foreach (IvrOption option in Options)
        {
            if (!PhoneKeys.IsPhoneKey(option.Digit))
            {
                errors.Add($"option '{option.Digit}' is not a phone key (0-9, * or #)");
            }
            else if (!seen.Add(option.Digit))
            {
                errors.Add($"option '{option.Digit}' is used twice");
            }

            if (ProblemWithTarget(option.Action, knownMenus, knownSkillGroups, knownAgents) is { } problem)
            {
                errors.Add($"option '{option.Digit}' goes to {problem}");
            }
        }

        if (DefaultAction.Kind == IvrActionKind.Repeat)
        {
            errors.Add("the default action cannot be repeat: a caller who presses nothing would hear the menu forever");
        }
        else if (ProblemWithTarget(DefaultAction, knownMenus, knownSkillGroups, knownAgents) is { } problem)
        {
            errors.Add($"the default action goes to {problem}");
        }

        if (Timeout < TimeSpan.FromSeconds(MinTimeoutSeconds) || Timeout > TimeSpan.FromSeconds(MaxTimeoutSeconds))
        {
            errors.Add($"timeout {Timeout.TotalSeconds:0.###} s is outside {MinTimeoutSeconds}–{MaxTimeoutSeconds} s");
        }

        if (MaxRetries is < MinRetries or > MaxRetryLimit)
        {
            errors.Add($"max retries {MaxRetries} is outside {MinRetries}–{MaxRetryLimit}");
        }

        return errors;
    }

    private static string? ProblemWithTarget(IvrAction action, IReadOnlySet<string> menus, IReadOnlySet<string>? skillGroups, IReadOnlySet<string>? agents) =>
        action.Kind switch
        {
            IvrActionKind.Submenu when !menus.Contains(action.Target!) => $"menu '{action.Target}', which does not exist",
            IvrActionKind.SkillGroup when skillGroups is not null && !skillGroups.Contains(action.Target!) => $"skill group '{action.Target}', which does not exist",
            IvrActionKind.Agent when agents is not null && !agents.Contains(action.Target!) => $"agent '{action.Target}', who does not exist",
            _ => null,
        };
}
