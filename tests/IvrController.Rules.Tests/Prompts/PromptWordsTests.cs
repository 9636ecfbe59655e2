using IvrController.Rules.Ivr;
using IvrController.Rules.Prompts;
using IvrController.Rules.Surveys;
using Xunit;

namespace IvrController.Rules.Tests.Prompts;

public sealed class PromptWordsTests
{
    [Theory]
    [InlineData("欢迎致电", "zh-CN")]
    [InlineData("Press 1 for 销售", "zh-CN")]
    [InlineData("Welcome, press 1.", "en")]
    [InlineData("12345", "en")]
    public void Words_with_a_chinese_character_are_mandarin_anything_else_english(string words, string language)
    {
        Assert.Equal(language, PromptWords.LanguageOf(words));
    }

    [Theory]
    [InlineData("  ", "the words of the guide are empty")]
    [InlineData("bell\u0007", "the words of the guide contain a control character (U+0007)")]
    public void Words_that_cannot_be_spoken_are_named(string words, string problem)
    {
        Assert.Equal(problem, PromptWords.ProblemWith("guide", words));
    }

    [Fact]
    public void Words_over_one_line_and_up_to_the_limit_are_fine()
    {
        Assert.Null(PromptWords.ProblemWith("guide", "第一句。\n第二句。"));
        Assert.Null(PromptWords.ProblemWith("guide", new string('a', PromptWords.MaxLength)));
        Assert.NotNull(PromptWords.ProblemWith("guide", new string('a', PromptWords.MaxLength + 1)));
    }

    [Fact]
    public void A_template_and_a_menu_report_bad_words_for_the_prompt_they_belong_to()
    {
        var template = new SurveyTemplate
        {
            Id = "1", Name = "t", GuidePrompt = "g", ClosingPrompt = "c", InvalidPrompt = "i", TimeoutPrompt = "t",
            Keys = [new('1', "ok", 1)], ClosingText = " ",
        };
        var menu = new IvrMenu { Name = "m", Greeting = "g", InvalidPrompt = "i", TimeoutPrompt = "t", GreetingText = "" };

        Assert.Equal(["the words of the closing prompt are empty"], template.Validate());
        Assert.Equal(["the words of the greeting are empty"], menu.Validate(new HashSet<string> { "m" }));
    }
}
