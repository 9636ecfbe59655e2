using IvrController.Rules.Regions;
using Xunit;

namespace IvrController.Rules.Tests.Regions;

/// <summary>The description shapes libphonenumber-csharp 9.0.43 returns in zh for +86 (read from its data).</summary>
public sealed class GeocoderDescriptionTests
{
    [Theory]
    [InlineData("上海市", "上海", "上海")]
    [InlineData("北京市", "北京", "北京")]
    [InlineData("重庆市", "重庆", "重庆")]
    [InlineData("广东省深圳市", "广东", "深圳")]
    [InlineData("江苏省连云港市", "江苏", "连云港")]
    [InlineData("黑龙江省齐齐哈尔市", "黑龙江", "齐齐哈尔")]
    [InlineData("广西南宁市", "广西", "南宁")]
    [InlineData("广西壮族自治区南宁市、崇左市", "广西", "南宁")]
    [InlineData("新疆维吾尔自治区乌鲁木齐市", "新疆", "乌鲁木齐")]
    [InlineData("内蒙古呼伦贝尔", "内蒙古", "呼伦贝尔")]
    [InlineData("辽宁省沈阳市、铁岭市、抚顺市", "辽宁", "沈阳")]
    [InlineData("云南红河", "云南", "红河")]
    [InlineData("云南省文山壮族苗族自治州", "云南", "文山")]
    [InlineData("吉林省吉林市", "吉林", "吉林")]
    [InlineData("湖北省恩施土家族苗族自治州", "湖北", "恩施")]
    public void A_description_gives_province_and_city(string description, string province, string city)
    {
        Assert.True(GeocoderDescription.TryParse(description, out NumberRegion? region));
        Assert.Equal(new NumberRegion(province, city), region);
    }

    [Theory]
    [InlineData("中国")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Shanghai")]
    public void A_description_without_a_place_in_china_gives_no_region(string? description)
    {
        Assert.False(GeocoderDescription.TryParse(description, out NumberRegion? region));
        Assert.Null(region);
    }
}
