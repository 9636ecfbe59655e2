using IvrController.Rules.Numbers;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Numbers;

public sealed class PhoneNumberTests
{
    [Fact]
    public void ToString_shows_the_mask_so_interpolation_into_a_log_line_hides_the_number()
    {
        PhoneNumber number = N("13812345678");
        Assert.Equal("138****5678", number.ToString());
        Assert.Equal("calling 138****5678", $"calling {number}");
    }

    [Fact]
    public void Every_written_form_of_a_number_is_the_same_number()
    {
        Assert.Equal(N("+86 21 5281 0000"), N("021-52810000"));
        Assert.True(N("008613812345678") == N("138 1234 5678"));
        Assert.Equal(N("8613812345678").GetHashCode(), N("13812345678").GetHashCode());
        Assert.True(N("13812345678") != N("13812345679"));
    }

    [Fact]
    public void A_mobile_exposes_its_seven_digit_prefix_for_region_tables()
    {
        PhoneNumber number = N("17312345678");
        Assert.Equal("1731234", number.MobilePrefix);
        Assert.Null(number.AreaCode);
        Assert.Equal("1731234", number.RegionPrefix);
    }

    [Theory]
    [InlineData("01012345678", "010")]
    [InlineData("02152810000", "021")]
    [InlineData("075512345678", "0755")]
    [InlineData("07311234567", "0731")]
    public void A_landline_exposes_its_area_code_with_the_trunk_zero(string raw, string areaCode)
    {
        PhoneNumber number = N(raw);
        Assert.Equal(areaCode, number.AreaCode);
        Assert.Null(number.MobilePrefix);
        Assert.Equal(areaCode, number.RegionPrefix);
    }

    [Fact]
    public void A_special_number_has_no_region_prefix()
    {
        Assert.Null(N("4008001234").RegionPrefix);
        Assert.Null(N("95588").RegionPrefix);
    }
}
