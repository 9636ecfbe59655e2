namespace IvrController.Rules.Regions;

/// <summary>
/// One spelling per place, so that "广东省/深圳市" typed by an admin, "广东/深圳" in a CSV and the
/// geocoder's "广东省深圳市" compare equal: administrative suffixes are dropped.
/// </summary>
internal static class ChineseRegionNames
{
    /// <summary>Short names of the provincial-level divisions, longest first so prefix matching is unambiguous.</summary>
    internal static readonly string[] Provinces =
    [
        "黑龙江", "内蒙古",
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建",
        "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
        "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    ];

    // Ordered so a longer suffix is tried before the shorter one it ends with.
    private static readonly string[] ProvinceSuffixes = ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"];

    private static readonly string[] CitySuffixes = ["地区", "市", "盟"];

    /// <summary>Peoples named in autonomous prefectures' names: "延边朝鲜族自治州" is 延边.</summary>
    private static readonly string[] PrefecturePeoples =
    [
        "柯尔克孜", "朝鲜族", "土家族", "布依族", "哈尼族", "景颇族", "傈僳族", "蒙古族", "哈萨克",
        "蒙古", "苗族", "藏族", "羌族", "彝族", "侗族", "壮族", "傣族", "白族", "回族",
    ];

    internal static bool IsMunicipality(string province) => province is "北京" or "上海" or "天津" or "重庆";

    internal static string CanonicalProvince(string name)
    {
        string trimmed = name.Trim();
        foreach (string suffix in ProvinceSuffixes)
        {
            if (trimmed.Length - suffix.Length >= 2 && trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return trimmed[..^suffix.Length];
            }
        }

        return trimmed;
    }

    internal static string CanonicalCity(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.Length > 3 && trimmed.EndsWith("自治州", StringComparison.Ordinal))
        {
            string place = trimmed[..^3];
            bool stripped = true;
            while (stripped)
            {
                stripped = false;
                foreach (string people in PrefecturePeoples)
                {
                    if (place.Length - people.Length >= 2 && place.EndsWith(people, StringComparison.Ordinal))
                    {
                        place = place[..^people.Length];
                        stripped = true;
                        break;
                    }
                }
            }

            return place;
        }

        foreach (string suffix in CitySuffixes)
        {
            // "芒市" keeps its 市: one character is not a name.
            if (trimmed.Length - suffix.Length >= 2 && trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return trimmed[..^suffix.Length];
            }
        }

        return trimmed;
    }

    /// <summary>The province a description starts with ("广东省深圳市" → 广东), or null.</summary>
    internal static string? LeadingProvince(string description)
    {
        foreach (string province in Provinces)
        {
            if (description.StartsWith(province, StringComparison.Ordinal))
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>What follows the province and its suffix: "广西壮族自治区南宁市、崇左市" → "南宁市、崇左市".</summary>
    internal static string AfterProvince(string description, string province)
    {
        string rest = description[province.Length..];
        foreach (string suffix in ProvinceSuffixes)
        {
            if (rest.StartsWith(suffix, StringComparison.Ordinal))
            {
                return rest[suffix.Length..];
            }
        }

        return rest;
    }
}
