using System.Globalization;
using IvrController.Rules.Ivr;

namespace IvrController.Cli;

/// <summary>
/// IVR menus as <c>menus list</c> and <c>menus show</c> print them. The numbers are our own DIDs, which
/// admins must see in full to fix them; no customer number is ever part of a menu.
/// </summary>
public static class MenuText
{
    public static TextTable List(IEnumerable<IvrMenu> menus, IReadOnlyDictionary<string, IReadOnlyList<string>> numbers)
    {
        var table = new TextTable("NAME", "ENABLED", "GREETING", "KEYS", "DEFAULT", "TIMEOUT", "RETRIES", "NUMBERS");
        foreach (IvrMenu menu in menus)
        {
            table.Add(
                menu.Name,
                menu.Enabled ? "yes" : "no",
                menu.Greeting,
                menu.Options.Count == 0 ? "-" : string.Join(' ', menu.Options.Select(o => o.Digit)),
                IvrActionText.Format(menu.DefaultAction),
                DurationText.Format(menu.Timeout),
                menu.MaxRetries.ToString(CultureInfo.InvariantCulture),
                numbers.GetValueOrDefault(menu.Name)?.Count.ToString(CultureInfo.InvariantCulture) ?? "0");
        }

        return table;
    }

    /// <summary>Labelled with the options that set each field, so what is shown can be typed back.</summary>
    public static TextTable Show(IvrMenu menu, IReadOnlyList<string> numbers)
    {
        var table = new TextTable()
            .Add("name", menu.Name)
            .Add("enabled", menu.Enabled ? "yes" : "no")
            .Add("greeting", menu.Greeting)
            .Add("greeting-text", menu.GreetingText ?? "-")
            .Add("invalid", menu.InvalidPrompt)
            .Add("invalid-text", menu.InvalidText ?? "-")
            .Add("timeout-prompt", menu.TimeoutPrompt)
            .Add("timeout-text", menu.TimeoutText ?? "-")
            .Add("timeout", DurationText.Format(menu.Timeout))
            .Add("retries", menu.MaxRetries.ToString(CultureInfo.InvariantCulture))
            .Add("default", IvrActionText.Format(menu.DefaultAction));
        foreach (IvrOption option in menu.Options)
        {
            table.Add("option", IvrActionText.Format(option));
        }

        return table.Add("numbers", numbers.Count == 0 ? "none" : string.Join(", ", numbers));
    }

    /// <summary>"5 options, default hangup", and ", disabled" when no caller hears it.</summary>
    public static string Summary(IvrMenu menu) =>
        $"{(menu.Options.Count == 1 ? "1 option" : $"{menu.Options.Count} options")}, default {IvrActionText.Format(menu.DefaultAction)}{(menu.Enabled ? "" : ", disabled")}";
}
