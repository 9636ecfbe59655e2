using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;
using IvrController.Rules.Settings;
using Xunit;

namespace IvrController.Rules.Tests.Settings;

public sealed class RuleSettingsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var settings = new RuleSettings();
        Assert.Empty(settings.Validate());
        Assert.Equal((CallerIdRule.SkillGroup, CandidatePick.Random, NumberProtectionMode.Mask), (settings.CallerIdRule, settings.CandidatePick, settings.NumberProtection));
        Assert.Null(settings.OutboundSurveyTemplateId);
        Assert.Null(settings.InboundSurveyTemplateId);
    }

    [Fact]
    public void Unknown_values_and_callback_problems_are_all_named() =>
        Assert.Equal(
            [
                "caller-ID rule 5 is unknown",
                "candidate pick 9 is unknown",
                "number protection mode 4 is unknown",
                "callback window must be longer than zero",
                "a survey template id is empty: use null to switch the survey off",
            ],
            new RuleSettings
            {
                CallerIdRule = (CallerIdRule)5,
                CandidatePick = (CandidatePick)9,
                NumberProtection = (NumberProtectionMode)4,
                Callback = new CallbackSettings { Window = TimeSpan.Zero },
                InboundSurveyTemplateId = "",
            }.Validate());
}
