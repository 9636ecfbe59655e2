using IvrController.Rules.Surveys;
using Xunit;

namespace IvrController.Rules.Tests.Surveys;

public sealed class SurveyGuideTests
{
    private static readonly SurveyKey[] ThreeKeys = [new('1', "满意", 5), new('2', "一般", 3), new('3', "不满意", 1)];

    [Fact]
    public void The_mandarin_guide_names_each_label_and_its_key_in_order()
    {
        Assert.Equal("满意请按1，一般请按2，不满意请按3。", SurveyGuide.FromKeys(ThreeKeys, "zh-CN"));
    }

    [Fact]
    public void The_english_guide_asks_for_a_rating_then_one_sentence_per_key()
    {
        Assert.Equal(
            "Please rate our service. For satisfied, press 1. For neutral, press 2. For the operator, press star.",
            SurveyGuide.FromKeys([new('1', "satisfied", 5), new('2', " neutral ", 3), new('*', "the operator", 0)], "en"));
    }

    [Fact]
    public void Star_and_pound_are_said_as_words_in_mandarin()
    {
        Assert.Equal("跳过请按井号键，重听请按星号键。", SurveyGuide.FromKeys([new('#', "跳过", 0), new('*', "重听", 0)], "zh-CN"));
    }
}
