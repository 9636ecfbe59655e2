using IvrController.Cli;
using IvrController.Rules.Ivr;
using IvrController.Rules.Surveys;
using Xunit;

namespace IvrController.Tests.Cli;

public sealed class AdminTextTests
{
    [Theory]
    [InlineData("20s", 20)]
    [InlineData("90m", 5400)]
    [InlineData("72h", 259200)]
    [InlineData("3d", 259200)]
    [InlineData(" 5S ", 5)]
    [InlineData("0h", 0)]
    public void A_whole_number_and_a_unit_is_a_duration(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("20")]
    [InlineData("20x")]
    [InlineData("-5s")]
    [InlineData("+5s")]
    [InlineData("1.5h")]
    [InlineData("5 s")]
    [InlineData("20s30")]
    [InlineData("99999999999999999999d")]
    [InlineData("9999999999999d")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(259200, "3d")]
    [InlineData(7200, "2h")]
    [InlineData(5400, "90m")]
    [InlineData(90, "90s")]
    [InlineData(0, "0s")]
    [InlineData(1.5, "1.5s")]
    public void A_duration_is_shown_in_the_largest_unit_that_says_it_exactly(double seconds, string text) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Options_read_back_as_they_are_printed()
    {
        string[] texts = ["1=skill_group:sales", "2=agent:1001", "9=submenu:billing", "*=repeat", "0=hangup"];

        IvrOption[] options = [.. texts.Select(t => IvrActionText.ParseOption("--option", t))];

        Assert.Equal(
            [new('1', IvrAction.ToSkillGroup("sales")), new('2', IvrAction.ToAgent("1001")), new('9', IvrAction.ToSubmenu("billing")), new('*', IvrAction.Repeat), new IvrOption('0', IvrAction.Hangup)],
            options);
        Assert.Equal(texts, options.Select(IvrActionText.Format));
    }

    [Fact]
    public void A_survey_key_label_may_hold_a_colon_because_the_score_follows_the_last_one()
    {
        Assert.Equal(new SurveyKey('#', "later: call back", -1), SurveyKeyText.Parse("--key", "#=later: call back:-1"));
        Assert.Equal("1=满意:5", SurveyKeyText.Format(new SurveyKey('1', "满意", 5)));
    }

    [Fact]
    public async Task Columns_stay_aligned_when_a_cell_holds_chinese_characters()
    {
        using var output = new StringWriter();

        await new TextTable("KEY", "LABEL", "SCORE").Add("1", "满意", "5").Add("2", "ok", "3").WriteAsync(output);

        Assert.Equal(AdminDatabase.Lines("KEY  LABEL  SCORE", "1    满意   5", "2    ok     3"), output.ToString());
    }
}
