using IvrController.Rules.Ivr;
using Xunit;

namespace IvrController.Rules.Tests.Ivr;

public sealed class IvrNavigatorTests
{
    private readonly IvrNavigator _navigator = new(IvrMenus.Catalog());

    private IvrStep After(params IvrInput[] inputs)
    {
        IvrStep step = _navigator.Start("main");
        foreach (IvrInput input in inputs)
        {
            Assert.Equal(IvrStepKind.Collect, step.Kind);
            step = _navigator.Next(step.State!, input);
        }

        return step;
    }

    [Fact]
    public void Entering_a_menu_plays_its_greeting_and_waits_for_a_key() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("main", 0, 0), null, "ivr/main_greeting", TimeSpan.FromSeconds(5), null, "menu main"),
            _navigator.Start("main"));

    [Fact]
    public void Entering_a_missing_menu_hangs_up() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, null, null, null, null, "menu gone does not exist → hang up"),
            _navigator.Start("gone"));

    [Fact]
    public void Entering_a_disabled_menu_hangs_up_without_its_greeting() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, null, null, null, null, "menu main is disabled → hang up"),
            new IvrNavigator(IvrMenus.Catalog(IvrMenus.Main with { Enabled = false }, IvrMenus.Billing)).Start("main"));

    [Fact]
    public void A_key_to_a_disabled_submenu_hangs_up_instead_of_playing_it()
    {
        var navigator = new IvrNavigator(IvrMenus.Catalog(IvrMenus.Main, IvrMenus.Billing with { Enabled = false }));

        IvrStep step = navigator.Next(navigator.Start("main").State!, IvrInput.Pressed('3'));

        Assert.Equal(new IvrStep(IvrStepKind.Hangup, null, null, null, null, null, "pressed 3 in menu main → menu billing, which is disabled → hang up"), step);
    }

    [Fact]
    public void A_skill_group_key_routes_the_caller() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Route, null, null, null, null, IvrAction.ToSkillGroup("sales"), "pressed 1 in menu main → skill group sales"),
            After(IvrInput.Pressed('1')));

    [Fact]
    public void An_agent_key_routes_the_caller_to_that_agent()
    {
        IvrStep step = After(IvrInput.Pressed('2'));
        Assert.Equal(IvrStepKind.Route, step.Kind);
        Assert.Equal(IvrAction.ToAgent("1001"), step.Action);
    }

    [Fact]
    public void A_submenu_key_plays_the_submenu_with_fresh_retries() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("billing", 0, 2), null, "ivr/billing_greeting", TimeSpan.FromSeconds(8), null, "pressed 3 in menu main → menu billing"),
            After(IvrInput.Timeout, IvrInput.Pressed('3')));

    [Fact]
    public void The_repeat_key_plays_the_menu_again() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("main", 0, 1), null, "ivr/main_greeting", TimeSpan.FromSeconds(5), null, "pressed 9 in menu main → repeat"),
            After(IvrInput.Pressed('9')));

    [Fact]
    public void The_hangup_key_ends_the_call() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, null, null, null, null, "pressed 0 in menu main → hang up"),
            After(IvrInput.Pressed('0')));

    [Fact]
    public void A_wrong_key_plays_the_invalid_prompt_and_the_menu_again() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("main", 1, 1), "ivr/invalid", "ivr/main_greeting", TimeSpan.FromSeconds(5), null, "pressed 7 in menu main, not an option → retry 1 of 2"),
            After(IvrInput.Pressed('7')));

    [Fact]
    public void No_key_plays_the_timeout_prompt_and_the_menu_again() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("main", 2, 2), "ivr/timeout", "ivr/main_greeting", TimeSpan.FromSeconds(5), null, "no key in menu main → retry 2 of 2"),
            After(IvrInput.Pressed('7'), IvrInput.Timeout));

    [Fact]
    public void Retries_exhausted_take_the_default_action() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Route, null, "ivr/timeout", null, null, IvrAction.ToSkillGroup("service"), "no key in menu main; retries exhausted → default → skill group service"),
            After(IvrInput.Timeout, IvrInput.Pressed('8'), IvrInput.Timeout));

    [Fact]
    public void A_hangup_default_ends_the_call_after_the_last_prompt() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, "ivr/invalid", null, null, null, "pressed 5 in menu billing, not an option; retries exhausted → default → hang up"),
            After(IvrInput.Pressed('3'), IvrInput.Timeout, IvrInput.Pressed('5')));

    [Fact]
    public void A_submenu_default_enters_that_menu()
    {
        var navigator = new IvrNavigator(IvrMenus.Catalog(IvrMenus.Main with { MaxRetries = 1, DefaultAction = IvrAction.ToSubmenu("billing") }, IvrMenus.Billing));
        IvrStep step = navigator.Next(navigator.Start("main").State!, IvrInput.Timeout);
        step = navigator.Next(step.State!, IvrInput.Timeout);
        Assert.Equal(
            new IvrStep(IvrStepKind.Collect, new IvrState("billing", 0, 2), "ivr/timeout", "ivr/billing_greeting", TimeSpan.FromSeconds(8), null, "no key in menu main; retries exhausted → default → menu billing"),
            step);
    }

    [Fact]
    public void A_caller_can_go_to_a_submenu_and_back_and_reach_a_group()
    {
        IvrStep step = After(IvrInput.Pressed('3'), IvrInput.Pressed('*'), IvrInput.Pressed('1'));
        Assert.Equal(IvrAction.ToSkillGroup("sales"), step.Action);
        Assert.Equal("pressed 1 in menu main → skill group sales", step.Reason);
    }

    [Fact]
    public void A_repeat_default_left_in_the_configuration_hangs_up_instead_of_looping()
    {
        var navigator = new IvrNavigator(IvrMenus.Catalog(IvrMenus.Billing with { DefaultAction = IvrAction.Repeat }));
        IvrStep step = navigator.Next(navigator.Start("billing").State!, IvrInput.Timeout);
        step = navigator.Next(step.State!, IvrInput.Timeout);
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, "ivr/timeout", null, null, null, "no key in menu billing; retries exhausted → default is repeat, which would never end → hang up"),
            step);
    }

    [Fact]
    public void A_caller_who_keeps_pressing_repeat_is_hung_up_after_the_input_limit()
    {
        IvrStep step = _navigator.Start("main");
        int inputs = 0;
        while (step.Kind == IvrStepKind.Collect)
        {
            step = _navigator.Next(step.State!, IvrInput.Pressed('9'));
            inputs++;
        }

        Assert.Equal(IvrNavigator.MaxInputs, inputs);
        Assert.Equal(IvrStepKind.Hangup, step.Kind);
        Assert.Equal("pressed 9 in menu main; 50 inputs without reaching anyone → hang up", step.Reason);
    }

    [Fact]
    public void A_menu_removed_by_a_rule_change_mid_call_hangs_up() =>
        Assert.Equal(
            new IvrStep(IvrStepKind.Hangup, null, null, null, null, null, "menu old no longer exists → hang up"),
            _navigator.Next(new IvrState("old", 0, 3), IvrInput.Pressed('1')));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("3", '3')]
    [InlineData("#", '#')]
    public void The_digits_variable_becomes_an_input(string? digits, char? expected)
    {
        IvrInput input = IvrInput.FromDigits(digits);
        Assert.Equal(expected, input.Digit);
        Assert.Equal(expected is null, input.IsTimeout);
    }
}
