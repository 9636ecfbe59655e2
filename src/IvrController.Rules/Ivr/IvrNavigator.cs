namespace IvrController.Rules.Ivr;

/// <summary>
/// The IVR as a pure state machine: the flow plays what a step says, collects one key, and feeds it back
/// with the step's state. Termination is guaranteed whatever the configuration: a missing or disabled menu
/// hangs up, a Repeat default hangs up, and <see cref="MaxInputs"/> bounds any loop.
/// </summary>
public sealed class IvrNavigator(IvrMenuCatalog menus)
{
    /// <summary>A caller still in the menus after this many keys or timeouts is hung up.</summary>
    public const int MaxInputs = 50;

    public IvrMenuCatalog Menus { get; } = menus;

    /// <summary>Enter the IVR at <paramref name="menuName"/> (the menu of the dialled number).</summary>
    public IvrStep Start(string menuName)
    {
        if (!Menus.TryGet(menuName, out IvrMenu? menu))
        {
            return Hangup(null, $"menu {menuName} does not exist → hang up");
        }

        return menu.Enabled
            ? Collect(menu, failures: 0, inputs: 0, notice: null, $"menu {menu.Name}")
            : Hangup(null, $"menu {menuName} is disabled → hang up");
    }

    public IvrStep Next(IvrState state, IvrInput input)
    {
        if (!Menus.TryGet(state.MenuName, out IvrMenu? menu))
        {
            return Hangup(null, $"menu {state.MenuName} no longer exists → hang up");
        }

        int inputs = state.Inputs + 1;
        if (inputs >= MaxInputs)
        {
            return Hangup(null, $"{input} in menu {menu.Name}; {inputs} inputs without reaching anyone → hang up");
        }

        if (input.Digit is { } digit && menu.TryGetOption(digit, out IvrOption? option))
        {
            return Apply(menu, option.Action, inputs, notice: null, $"{input} in menu {menu.Name}");
        }

        int failures = state.Failures + 1;
        string notice = input.IsTimeout ? menu.TimeoutPrompt : menu.InvalidPrompt;
        string what = input.IsTimeout ? $"no key in menu {menu.Name}" : $"{input} in menu {menu.Name}, not an option";
        if (failures <= menu.MaxRetries)
        {
            return Collect(menu, failures, inputs, notice, $"{what} → retry {failures} of {menu.MaxRetries}");
        }

        string exhausted = $"{what}; retries exhausted → default";
        return menu.DefaultAction.Kind == IvrActionKind.Repeat
            ? Hangup(notice, $"{exhausted} is repeat, which would never end → hang up")
            : Apply(menu, menu.DefaultAction, inputs, notice, exhausted);
    }

    private IvrStep Apply(IvrMenu menu, IvrAction action, int inputs, string? notice, string why)
    {
        switch (action.Kind)
        {
            case IvrActionKind.SkillGroup or IvrActionKind.Agent:
                return new IvrStep(IvrStepKind.Route, null, notice, null, null, action, $"{why} → {action}");
            case IvrActionKind.Submenu when Menus.TryGet(action.Target!, out IvrMenu? next) && next.Enabled:
                return Collect(next, failures: 0, inputs, notice, $"{why} → {action}");
            case IvrActionKind.Submenu when Menus.TryGet(action.Target!, out _):
                return Hangup(notice, $"{why} → {action}, which is disabled → hang up");
            case IvrActionKind.Submenu:
                return Hangup(notice, $"{why} → {action}, which does not exist → hang up");
            case IvrActionKind.Repeat:
                return Collect(menu, failures: 0, inputs, notice, $"{why} → repeat");
            default:
                return Hangup(notice, $"{why} → hang up");
        }
    }

    private static IvrStep Collect(IvrMenu menu, int failures, int inputs, string? notice, string reason) =>
        new(IvrStepKind.Collect, new IvrState(menu.Name, failures, inputs), notice, menu.Greeting, menu.Timeout, null, reason);

    private static IvrStep Hangup(string? notice, string reason) =>
        new(IvrStepKind.Hangup, null, notice, null, null, null, reason);
}
