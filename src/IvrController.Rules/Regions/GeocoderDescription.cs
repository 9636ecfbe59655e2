using System.Diagnostics.CodeAnalysis;

namespace IvrController.Rules.Regions;

/// <summary>
/// Reads the zh descriptions libphonenumber's offline geocoder gives for +86 numbers. What it returns
/// (9.0.43): "上海市" for municipalities, "广东省深圳市", "广西南宁市" and "新疆维吾尔自治区乌鲁木齐市" for
/// autonomous regions, short forms such as "云南红河", several cities at once ("辽宁省沈阳市、铁岭市、抚顺市"),
/// and just "中国" for prefixes it does not know (all of 16x, 19x, 172, 175).
/// </summary>
internal static class GeocoderDescription
{
    /// <summary>
    /// Where the description names several cities the first is taken: it is the one the data lists first
    /// for the prefix, and the province, which is what matters most, is certain.
    /// </summary>
    internal static bool TryParse(string? description, [NotNullWhen(true)] out NumberRegion? region)
    {
        region = null;
        if (string.IsNullOrWhiteSpace(description))
        {
            return false;
        }

        string text = description.Trim();
        string? province = ChineseRegionNames.LeadingProvince(text);
        if (province is null)
        {
            // "中国" (country only) or a place outside the list.
            return false;
        }

        string rest = ChineseRegionNames.AfterProvince(text, province);
        int separator = rest.IndexOf('、', StringComparison.Ordinal);
        string city = separator >= 0 ? rest[..separator] : rest;
        if (city.Length == 0 && !ChineseRegionNames.IsMunicipality(province))
        {
            // A province without a city never appears in the data; a region needs a city.
            return false;
        }

        region = new NumberRegion(province, city);
        return true;
    }
}
