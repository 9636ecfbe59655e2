using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Protection;

public sealed class NumberMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("02152810000", "021****0000")]
    [InlineData("075512345678", "0755****5678")]
    [InlineData("07311234567", "073****4567")]
    [InlineData("01012345678", "010****5678")]
    [InlineData("4008001234", "40****1234")]
    public void Mask_hides_the_four_digits_before_the_last_four(string raw, string expected) =>
        Assert.Equal(expected, NumberMask.Mask(N(raw)));

    [Theory]
    [InlineData("95588", "***88")]
    [InlineData("10086", "***86")]
    public void Short_numbers_keep_only_their_last_two_digits(string raw, string expected) =>
        Assert.Equal(expected, NumberMask.Mask(N(raw)));

    [Theory]
    [InlineData("138-1234-5678", "***-****-**78")]
    [InlineData("1381234567a", "********67a")]
    [InlineData("+1 415 555 0100", "+* *** *** **00")]
    [InlineData("１３８１２３４５６７８", "*********７８")]
    [InlineData("abc", "abc")]
    [InlineData("12", "12")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskRaw_hides_every_digit_but_the_last_two(string? raw, string expected) =>
        Assert.Equal(expected, NumberMask.MaskRaw(raw));

    [Fact]
    public void MaskRaw_cuts_long_input_so_a_log_line_stays_short()
    {
        string masked = NumberMask.MaskRaw(new string('1', 100));
        Assert.Equal(new string('*', 40) + "…", masked);
    }

    [Theory]
    [InlineData("+8613812345678", "138****5678")]
    [InlineData("+862152810000", "021****0000")]
    [InlineData("+861062345678", "010****5678")]
    [InlineData("not-a-number-1234", "not-a-number-**34")]
    [InlineData(null, "")]
    public void MaskText_masks_stored_numbers_as_numbers_and_anything_else_as_raw_text(string? text, string expected) =>
        Assert.Equal(expected, NumberMask.MaskText(text));
}
