using IvrController.Rules.Surveys;
using Xunit;

namespace IvrController.Rules.Tests.Surveys;

public sealed class SurveyTemplateTests
{
    internal static SurveyTemplate Template() => new()
    {
        Id = "after-sales",
        Name = "售后满意度",
        Direction = SurveyDirection.Outbound,
        GuidePrompt = "survey/guide",
        ClosingPrompt = "survey/thanks",
        InvalidPrompt = "survey/invalid",
        TimeoutPrompt = "survey/timeout",
        Keys = [new('1', "满意", 5), new('2', "一般", 3), new('3', "不满意", 1)],
        Timeout = TimeSpan.FromSeconds(5),
        Retries = 1,
        Language = "zh-CN",
    };

    [Fact]
    public void A_good_template_is_valid_and_renders_its_play_and_get_digits_arguments()
    {
        SurveyTemplate template = Template();
        Assert.Empty(template.Validate());
        Assert.Equal("^[123]$", template.DigitsRegex);
        Assert.Equal("#", template.Terminators);
        Assert.Equal(2, template.Tries);
    }

    [Fact]
    public void When_pound_is_a_key_it_is_not_a_terminator()
    {
        SurveyTemplate template = Template() with { Keys = [new('1', "满意", 5), new('*', "转人工", 0), new('#', "不满意", 1)] };
        Assert.Empty(template.Validate());
        Assert.Equal("^[1*#]$", template.DigitsRegex);
        Assert.Equal("none", template.Terminators);
    }

    [Fact]
    public void Every_problem_is_named()
    {
        SurveyTemplate template = Template() with
        {
            Id = " ",
            Name = "",
            Direction = (SurveyDirection)7,
            GuidePrompt = "survey/please rate",
            ClosingPrompt = "",
            Keys = [new('1', "满意", 5), new('1', "又满意", 5), new('a', "A", 0), new('2', " ", 1)],
            Timeout = TimeSpan.FromSeconds(61),
            Retries = 0,
            Language = "fr",
        };

        Assert.Equal(
            [
                "id is empty",
                "name is empty",
                "direction 7 is unknown",
                "guide prompt 'survey/please rate' contains a space or line break: play_and_get_digits splits its arguments on spaces",
                "closing prompt is empty",
                "key '1' is used twice",
                "key 'a' is not a phone key (0-9, * or #)",
                "key '2' has no label",
                "timeout 61 s is outside 1–60 s",
                "retries 0 is outside 1–5",
                "language 'fr' is not supported (zh-CN or en)",
            ],
            template.Validate());
    }

    [Fact]
    public void A_template_needs_a_key() =>
        Assert.Equal(["at least one key is needed"], (Template() with { Keys = [] }).Validate());

    [Theory]
    [InlineData(0.5, "timeout 0.5 s is outside 1–60 s")]
    [InlineData(60, null)]
    [InlineData(1, null)]
    public void The_timeout_is_1_to_60_seconds(double seconds, string? error) =>
        Assert.Equal(error is null ? [] : [error], (Template() with { Timeout = TimeSpan.FromSeconds(seconds) }).Validate());

    [Theory]
    [InlineData(5, null)]
    [InlineData(6, "retries 6 is outside 1–5")]
    public void Retries_are_1_to_5(int retries, string? error) =>
        Assert.Equal(error is null ? [] : [error], (Template() with { Retries = retries }).Validate());

    [Fact]
    public void A_line_break_in_a_prompt_is_refused_like_a_space() =>
        Assert.Equal(
            ["timeout prompt 'survey/time\nout' contains a space or line break: play_and_get_digits splits its arguments on spaces"],
            (Template() with { TimeoutPrompt = "survey/time\nout" }).Validate());
}
