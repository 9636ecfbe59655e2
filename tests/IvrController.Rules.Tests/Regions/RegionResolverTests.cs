using IvrController.Rules.Regions;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Regions;

public sealed class RegionResolverTests
{
    private static readonly NumberRegion Guangzhou = new("广东", "广州");

    [Fact]
    public void A_table_row_wins_over_the_geocoder_which_puts_all_of_173_in_beijing()
    {
        var withRow = new RegionResolver(new RegionPrefixTable([new RegionPrefixRow("1731234", Guangzhou)]), LibPhoneNumberGeocoderTests.Geocoder);
        var withoutRow = new RegionResolver(RegionPrefixTable.Empty, LibPhoneNumberGeocoderTests.Geocoder);

        Assert.Equal(new RegionLookup(Guangzhou, RegionSource.Table), withRow.Resolve(N("17312345678")));
        Assert.Equal(new RegionLookup(new NumberRegion("北京", "北京"), RegionSource.Geocoder), withoutRow.Resolve(N("17312345678")));
    }

    [Fact]
    public void Another_173_prefix_without_a_row_still_gets_the_geocoders_beijing()
    {
        var resolver = new RegionResolver(new RegionPrefixTable([new RegionPrefixRow("1731234", Guangzhou)]), LibPhoneNumberGeocoderTests.Geocoder);
        Assert.Equal(new RegionLookup(new NumberRegion("北京", "北京"), RegionSource.Geocoder), resolver.Resolve(N("17399999999")));
    }

    [Fact]
    public void A_19x_number_without_a_row_has_no_region()
    {
        var resolver = new RegionResolver(RegionPrefixTable.Empty, LibPhoneNumberGeocoderTests.Geocoder);
        Assert.Equal(RegionLookup.Unknown, resolver.Resolve(N("19912345678")));
        Assert.Equal("unknown region", resolver.Resolve(N("19912345678")).ToString());
    }

    [Fact]
    public void A_19x_number_with_a_row_gets_the_rows_region()
    {
        var resolver = new RegionResolver(new RegionPrefixTable([new RegionPrefixRow("1991234", Guangzhou)]), LibPhoneNumberGeocoderTests.Geocoder);
        RegionLookup lookup = resolver.Resolve(N("19912345678"));
        Assert.Equal(new RegionLookup(Guangzhou, RegionSource.Table), lookup);
        Assert.Equal("广东/广州 (prefix table)", lookup.ToString());
    }

    [Fact]
    public void Without_a_geocoder_an_unlisted_number_has_no_region() =>
        Assert.Equal(RegionLookup.Unknown, new RegionResolver(RegionPrefixTable.Empty, null).Resolve(N("13812345678")));

    [Fact]
    public void The_geocoder_answers_for_a_landline_the_table_does_not_list()
    {
        RegionLookup lookup = new RegionResolver(RegionPrefixTable.Empty, LibPhoneNumberGeocoderTests.Geocoder).Resolve(N("075512345678"));
        Assert.Equal(new RegionLookup(new NumberRegion("广东", "深圳"), RegionSource.Geocoder), lookup);
        Assert.Equal("广东/深圳 (geocoder)", lookup.ToString());
    }
}
