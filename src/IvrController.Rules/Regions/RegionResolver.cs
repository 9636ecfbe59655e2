using IvrController.Rules.Numbers;

namespace IvrController.Rules.Regions;

/// <summary>The region of a number: the admins' table first, because it corrects the geocoder, then the geocoder.</summary>
public sealed class RegionResolver(RegionPrefixTable table, IRegionGeocoder? fallback)
{
    public RegionPrefixTable Table { get; } = table;

    public RegionLookup Resolve(PhoneNumber number)
    {
        if (Table.TryFind(number, out NumberRegion? region, out _))
        {
            return new RegionLookup(region, RegionSource.Table);
        }

        return fallback?.Locate(number) is { } located
            ? new RegionLookup(located, RegionSource.Geocoder)
            : RegionLookup.Unknown;
    }
}
