using IvrController.Rules.Regions;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Regions;

/// <summary>The real library with its shipped data: what it says, gaps included.</summary>
public sealed class LibPhoneNumberGeocoderTests
{
    internal static readonly LibPhoneNumberGeocoder Geocoder = new();

    [Theory]
    [InlineData("02152810000", "上海", "上海")]
    [InlineData("01062345678", "北京", "北京")]
    [InlineData("02362345678", "重庆", "重庆")]
    [InlineData("075512345678", "广东", "深圳")]
    [InlineData("02012345678", "广东", "广州")]
    [InlineData("057112345678", "浙江", "杭州")]
    [InlineData("13812345678", "江苏", "连云港")]
    [InlineData("13800138000", "北京", "北京")]
    [InlineData("15912345678", "云南", "文山")]
    [InlineData("13300000000", "广西", "南宁")]
    public void Known_prefixes_are_placed(string raw, string province, string city) =>
        Assert.Equal(new NumberRegion(province, city), Geocoder.Locate(N(raw)));

    [Fact]
    public void Every_173_number_is_put_in_beijing()
    {
        Assert.Equal(new NumberRegion("北京", "北京"), Geocoder.Locate(N("17312345678")));
        Assert.Equal(new NumberRegion("北京", "北京"), Geocoder.Locate(N("17398765432")));
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("19012345678")]
    [InlineData("16612345678")]
    [InlineData("17212345678")]
    [InlineData("17512345678")]
    [InlineData("18412345678")]
    public void Prefixes_the_geocoder_knows_only_as_china_have_no_region(string raw)
    {
        Assert.Equal("中国", Geocoder.Describe(N(raw)));
        Assert.Null(Geocoder.Locate(N(raw)));
    }

    [Fact]
    public void A_149_number_is_unknown_to_the_library() =>
        Assert.Null(Geocoder.Locate(N("14912345678")));

    [Theory]
    [InlineData("95588")]
    [InlineData("4008001234")]
    public void Special_numbers_have_no_region(string raw)
    {
        Assert.Null(Geocoder.Describe(N(raw)));
        Assert.Null(Geocoder.Locate(N(raw)));
    }
}
