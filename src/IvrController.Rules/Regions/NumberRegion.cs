namespace IvrController.Rules.Regions;

/// <summary>
/// A province and a city, in canonical short form: administrative suffixes are dropped so that every
/// source spells a place the same way ("广东省", "深圳市" → 广东, 深圳; "广西壮族自治区" → 广西;
/// "延边朝鲜族自治州" → 延边). For the municipalities (北京, 上海, 天津, 重庆) province and city are the same,
/// and an empty city means the municipality itself.
/// </summary>
public sealed record NumberRegion
{
    public NumberRegion(string province, string city)
    {
        string canonicalProvince = ChineseRegionNames.CanonicalProvince(province ?? "");
        if (canonicalProvince.Length == 0)
        {
            throw new ArgumentException("A region needs a province.", nameof(province));
        }

        string canonicalCity = ChineseRegionNames.CanonicalCity(city ?? "");
        if (canonicalCity.Length == 0)
        {
            canonicalCity = ChineseRegionNames.IsMunicipality(canonicalProvince)
                ? canonicalProvince
                : throw new ArgumentException("A region needs a city (only 北京, 上海, 天津 and 重庆 may leave it empty).", nameof(city));
        }

        Province = canonicalProvince;
        City = canonicalCity;
    }

    public string Province { get; }

    public string City { get; }

    /// <summary>"广东/深圳"; a municipality is named once: "上海".</summary>
    public override string ToString() =>
        string.Equals(Province, City, StringComparison.Ordinal) ? Province : $"{Province}/{City}";
}
