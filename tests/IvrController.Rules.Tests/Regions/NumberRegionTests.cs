using IvrController.Rules.Regions;
using Xunit;

namespace IvrController.Rules.Tests.Regions;

public sealed class NumberRegionTests
{
    [Theory]
    [InlineData("广东省", "深圳市", "广东", "深圳")]
    [InlineData("广东", "深圳", "广东", "深圳")]
    [InlineData(" 黑龙江省 ", " 哈尔滨市 ", "黑龙江", "哈尔滨")]
    [InlineData("广西壮族自治区", "南宁市", "广西", "南宁")]
    [InlineData("新疆维吾尔自治区", "乌鲁木齐市", "新疆", "乌鲁木齐")]
    [InlineData("宁夏回族自治区", "银川市", "宁夏", "银川")]
    [InlineData("内蒙古自治区", "呼伦贝尔市", "内蒙古", "呼伦贝尔")]
    [InlineData("内蒙古", "兴安盟", "内蒙古", "兴安")]
    [InlineData("西藏", "林芝地区", "西藏", "林芝")]
    [InlineData("吉林省", "延边朝鲜族自治州", "吉林", "延边")]
    [InlineData("青海", "海西蒙古族藏族自治州", "青海", "海西")]
    [InlineData("新疆", "克孜勒苏柯尔克孜自治州", "新疆", "克孜勒苏")]
    [InlineData("贵州", "黔西南布依族苗族自治州", "贵州", "黔西南")]
    [InlineData("云南", "芒市", "云南", "芒市")]
    [InlineData("吉林省", "吉林市", "吉林", "吉林")]
    [InlineData("上海市", "", "上海", "上海")]
    [InlineData("北京", "北京市", "北京", "北京")]
    public void Names_are_kept_in_one_short_spelling(string province, string city, string expectedProvince, string expectedCity)
    {
        var region = new NumberRegion(province, city);
        Assert.Equal(expectedProvince, region.Province);
        Assert.Equal(expectedCity, region.City);
    }

    [Fact]
    public void The_same_place_spelt_two_ways_is_one_region() =>
        Assert.Equal(new NumberRegion("广东省", "深圳市"), new NumberRegion("广东", "深圳"));

    [Fact]
    public void A_region_outside_a_municipality_needs_a_city() =>
        Assert.Throws<ArgumentException>(() => new NumberRegion("广东", " "));

    [Fact]
    public void A_region_needs_a_province() =>
        Assert.Throws<ArgumentException>(() => new NumberRegion("", "深圳"));

    [Fact]
    public void A_municipality_is_named_once_and_a_city_with_its_province()
    {
        Assert.Equal("上海", new NumberRegion("上海", "上海").ToString());
        Assert.Equal("广东/深圳", new NumberRegion("广东省", "深圳市").ToString());
    }
}
