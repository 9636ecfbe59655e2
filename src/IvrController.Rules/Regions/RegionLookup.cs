namespace IvrController.Rules.Regions;

/// <summary>Where a number is and who said so.</summary>
public sealed record RegionLookup(NumberRegion? Region, RegionSource Source)
{
    public static RegionLookup Unknown { get; } = new(null, RegionSource.None);

    /// <summary>"广东/广州 (prefix table)", "北京 (geocoder)", "unknown region".</summary>
    public override string ToString() => Source switch
    {
        RegionSource.Table => $"{Region} (prefix table)",
        RegionSource.Geocoder => $"{Region} (geocoder)",
        _ => "unknown region",
    };
}
