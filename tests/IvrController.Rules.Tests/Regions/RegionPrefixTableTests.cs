using IvrController.Rules.Regions;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Regions;

public sealed class RegionPrefixTableTests
{
    private static readonly NumberRegion Chengdu = new("四川", "成都");
    private static readonly NumberRegion Guangzhou = new("广东", "广州");
    private static readonly NumberRegion Shenzhen = new("广东", "深圳");

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        var table = new RegionPrefixTable([new("173", Chengdu), new("1731234", Guangzhou)]);

        Assert.True(table.TryFind(N("17312345678"), out NumberRegion? region, out string? prefix));
        Assert.Equal((Guangzhou, "1731234"), (region, prefix));
        Assert.True(table.TryFind(N("17399999999"), out region, out prefix));
        Assert.Equal((Chengdu, "173"), (region, prefix));
    }

    [Fact]
    public void Area_codes_match_landlines_in_national_form()
    {
        var table = new RegionPrefixTable([new("075", Chengdu), new("0755", Shenzhen), new("021", new NumberRegion("上海", ""))]);
        Assert.True(table.TryFind(N("0755-1234-5678"), out NumberRegion? region, out _));
        Assert.Equal(Shenzhen, region);
        Assert.True(table.TryFind(N("+86 21 5281 0000"), out region, out _));
        Assert.Equal(new NumberRegion("上海", "上海"), region);
    }

    [Fact]
    public void A_number_no_row_covers_is_not_found()
    {
        var table = new RegionPrefixTable([new("1731234", Guangzhou)]);
        Assert.False(table.TryFind(N("13812345678"), out NumberRegion? region, out string? prefix));
        Assert.Null(region);
        Assert.Null(prefix);
    }

    [Fact]
    public void Special_numbers_are_never_matched()
    {
        var table = new RegionPrefixTable([new("100", Guangzhou)]);
        Assert.False(table.TryFind(N("10086"), out _, out _));
    }

    [Fact]
    public void The_same_prefix_with_two_regions_is_refused()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new RegionPrefixTable([new("1731234", Guangzhou), new("1731234", Shenzhen)]));
        Assert.StartsWith("Region table: prefix 1731234 maps to both 广东/广州 and 广东/深圳.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_row_twice_is_one_row() =>
        Assert.Equal(1, new RegionPrefixTable([new("1731234", Guangzhou), new("1731234", new NumberRegion("广东省", "广州市"))]).Count);

    [Theory]
    [InlineData("", "prefix is empty")]
    [InlineData("13a", "prefix '13a' has characters that are not digits")]
    [InlineData("2380013", "prefix '2380013' must start with 1 (a mobile prefix) or 0 (a landline area code)")]
    [InlineData("01", "prefix '01' is too short: a region prefix has 3 to 8 digits")]
    [InlineData("013812345", "prefix '013812345' is too long: a region prefix has 3 to 8 digits")]
    public void Unusable_prefixes_are_named(string prefix, string problem)
    {
        Assert.Equal(problem, RegionPrefixRow.ProblemWith(prefix));
        Assert.Throws<ArgumentException>(() => new RegionPrefixTable([new(prefix, Guangzhou)]));
    }
}
