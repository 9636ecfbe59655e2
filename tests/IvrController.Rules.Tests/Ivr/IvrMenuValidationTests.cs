using System.Collections.Frozen;
using IvrController.Rules.Ivr;
using Xunit;

namespace IvrController.Rules.Tests.Ivr;

public sealed class IvrMenuValidationTests
{
    private static readonly FrozenSet<string> Groups = FrozenSet.Create(StringComparer.Ordinal, "sales", "service", "billing");
    private static readonly FrozenSet<string> Agents = FrozenSet.Create(StringComparer.Ordinal, "1001");

    [Fact]
    public void A_good_catalog_has_no_problems() =>
        Assert.Empty(IvrMenus.Catalog().Validate(Groups, Agents));

    [Fact]
    public void Every_problem_of_a_menu_is_named()
    {
        IvrMenu menu = IvrMenus.Main with
        {
            Greeting = "ivr/main greeting",
            InvalidPrompt = "",
            Options =
            [
                new('1', IvrAction.ToSkillGroup("sales")),
                new('1', IvrAction.Hangup),
                new('x', IvrAction.Hangup),
                new('4', IvrAction.ToSubmenu("nowhere")),
                new('5', IvrAction.ToSkillGroup("marketing")),
                new('6', IvrAction.ToAgent("2002")),
            ],
            Timeout = TimeSpan.Zero,
            MaxRetries = 9,
        };

        Assert.Equal(
            [
                "greeting 'ivr/main greeting' contains a space or line break: play_and_get_digits splits its arguments on spaces",
                "invalid prompt is empty",
                "option '1' is used twice",
                "option 'x' is not a phone key (0-9, * or #)",
                "option '4' goes to menu 'nowhere', which does not exist",
                "option '5' goes to skill group 'marketing', which does not exist",
                "option '6' goes to agent '2002', who does not exist",
                "timeout 0 s is outside 1–60 s",
                "max retries 9 is outside 1–5",
            ],
            menu.Validate(FrozenSet.Create(StringComparer.Ordinal, "main", "billing"), Groups, Agents));
    }

    [Fact]
    public void Targets_are_not_checked_against_sets_that_were_not_given() =>
        Assert.Empty((IvrMenus.Main with { Options = [new('5', IvrAction.ToSkillGroup("marketing"))] })
            .Validate(FrozenSet.Create(StringComparer.Ordinal, "main", "billing")));

    [Fact]
    public void A_repeat_default_would_keep_a_silent_caller_for_ever() =>
        Assert.Equal(
            ["menu 'main': the default action cannot be repeat: a caller who presses nothing would hear the menu forever"],
            IvrMenus.Catalog(IvrMenus.Main with { DefaultAction = IvrAction.Repeat }, IvrMenus.Billing).Validate(Groups, Agents));

    [Fact]
    public void A_default_to_a_missing_menu_is_named() =>
        Assert.Equal(
            ["menu 'billing': the default action goes to menu 'gone', which does not exist"],
            IvrMenus.Catalog(IvrMenus.Main, IvrMenus.Billing with { DefaultAction = IvrAction.ToSubmenu("gone") }).Validate(Groups, Agents));

    [Fact]
    public void Menus_whose_defaults_lead_round_in_a_circle_are_a_loop_without_input()
    {
        IvrMenuCatalog catalog = IvrMenus.Catalog(
            IvrMenus.Main with { DefaultAction = IvrAction.ToSubmenu("billing") },
            IvrMenus.Billing with { DefaultAction = IvrAction.ToSubmenu("main") });

        Assert.Equal(
            ["menu 'billing': a caller who presses nothing goes round billing → main → billing for ever; one default action in the loop must route or hang up"],
            catalog.Validate(Groups, Agents));
    }

    [Fact]
    public void A_menu_whose_only_way_on_is_back_to_itself_is_a_loop()
    {
        IvrMenu trap = IvrMenus.Billing with
        {
            Name = "trap",
            Options = [new('1', IvrAction.ToSubmenu("trap")), new('2', IvrAction.Repeat)],
            DefaultAction = IvrAction.ToSubmenu("trap"),
        };
        Assert.Equal(
            ["menu 'trap': a caller who presses nothing goes round trap → trap for ever; one default action in the loop must route or hang up"],
            IvrMenus.Catalog(trap).Validate(Groups, Agents));
    }

    [Fact]
    public void A_chain_of_defaults_that_ends_in_a_route_is_fine()
    {
        IvrMenuCatalog catalog = IvrMenus.Catalog(
            IvrMenus.Main with { DefaultAction = IvrAction.ToSubmenu("billing") },
            IvrMenus.Billing with { DefaultAction = IvrAction.ToSkillGroup("billing") });
        Assert.Empty(catalog.Validate(Groups, Agents));
    }

    [Fact]
    public void A_menu_leading_into_a_loop_reports_the_loop_once()
    {
        IvrMenu a = IvrMenus.Billing with { Name = "a", Options = [], DefaultAction = IvrAction.ToSubmenu("b") };
        IvrMenu b = IvrMenus.Billing with { Name = "b", Options = [], DefaultAction = IvrAction.ToSubmenu("c") };
        IvrMenu c = IvrMenus.Billing with { Name = "c", Options = [], DefaultAction = IvrAction.ToSubmenu("b") };
        Assert.Equal(
            ["menu 'b': a caller who presses nothing goes round b → c → b for ever; one default action in the loop must route or hang up"],
            IvrMenus.Catalog(a, b, c).Validate());
    }

    [Fact]
    public void Two_menus_with_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => new IvrMenuCatalog([IvrMenus.Main, IvrMenus.Main]));

    [Fact]
    public void An_action_needs_a_target() =>
        Assert.Throws<ArgumentException>(() => IvrAction.ToSkillGroup(" "));
}
