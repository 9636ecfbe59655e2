using IvrController.Rules.Surveys;
using Xunit;

namespace IvrController.Rules.Tests.Surveys;

public sealed class SurveyOutcomeTests
{
    private static readonly SurveyTemplate Template = SurveyTemplateTests.Template();

    [Theory]
    [InlineData("1", "满意", 5)]
    [InlineData("3", "不满意", 1)]
    [InlineData(" 2 ", "一般", 3)]
    public void A_key_of_the_template_is_a_rating_with_its_label_and_score(string digits, string label, int score)
    {
        SurveyOutcome outcome = SurveyOutcome.From(Template, digits);
        Assert.Equal(SurveyOutcomeKind.Rated, outcome.Kind);
        Assert.Equal(new SurveyKey(digits.Trim()[0], label, score), outcome.Key);
        Assert.Equal(digits.Trim(), outcome.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Nothing_pressed_is_no_answer_not_a_lost_result(string? digits) =>
        Assert.Equal(new SurveyOutcome(SurveyOutcomeKind.NoAnswer, null, null), SurveyOutcome.From(Template, digits));

    [Theory]
    [InlineData("9")]
    [InlineData("12")]
    [InlineData("#")]
    public void Anything_else_is_invalid_and_keeps_what_was_pressed(string digits) =>
        Assert.Equal(new SurveyOutcome(SurveyOutcomeKind.Invalid, null, digits), SurveyOutcome.From(Template, digits));
}
