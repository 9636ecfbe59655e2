using IvrController.Rules.Regions;

namespace IvrController.Admin;

/// <summary>
/// The region an admin gives a caller number, in the canonical names the region table uses ("广东省" →
/// 广东), so the same-region rule compares like with like.
/// </summary>
internal static class CallerNumberRegion
{
    public static (string? Province, string? City) Canonical(string? province, string? city, string doing)
    {
        bool hasProvince = !string.IsNullOrWhiteSpace(province);
        bool hasCity = !string.IsNullOrWhiteSpace(city);
        if (!hasProvince && !hasCity)
        {
            return (null, null);
        }

        if (hasProvince != hasCity)
        {
            throw new RuleEditException($"{doing}: a number's region is a province and a city: give both or neither");
        }

        try
        {
            var region = new NumberRegion(province!, city!);
            return (region.Province, region.City);
        }
        catch (ArgumentException e)
        {
            // NumberRegion names the parameter after its sentence; the admin needs only the sentence.
            throw new RuleEditException($"{doing}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }
}
