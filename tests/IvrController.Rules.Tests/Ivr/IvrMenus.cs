using IvrController.Rules.Ivr;

namespace IvrController.Rules.Tests.Ivr;

/// <summary>A small realistic IVR: main menu with a billing submenu.</summary>
internal static class IvrMenus
{
    public static IvrMenu Main => new()
    {
        Name = "main",
        Greeting = "ivr/main_greeting",
        InvalidPrompt = "ivr/invalid",
        TimeoutPrompt = "ivr/timeout",
        Timeout = TimeSpan.FromSeconds(5),
        MaxRetries = 2,
        Options =
        [
            new('1', IvrAction.ToSkillGroup("sales")),
            new('2', IvrAction.ToAgent("1001")),
            new('3', IvrAction.ToSubmenu("billing")),
            new('9', IvrAction.Repeat),
            new('0', IvrAction.Hangup),
        ],
        DefaultAction = IvrAction.ToSkillGroup("service"),
    };

    public static IvrMenu Billing => new()
    {
        Name = "billing",
        Greeting = "ivr/billing_greeting",
        InvalidPrompt = "ivr/invalid",
        TimeoutPrompt = "ivr/timeout",
        Timeout = TimeSpan.FromSeconds(8),
        MaxRetries = 1,
        Options = [new('1', IvrAction.ToSkillGroup("billing")), new('*', IvrAction.ToSubmenu("main"))],
        DefaultAction = IvrAction.Hangup,
    };

    public static IvrMenuCatalog Catalog(params IvrMenu[] menus) => new(menus.Length == 0 ? [Main, Billing] : menus);
}
