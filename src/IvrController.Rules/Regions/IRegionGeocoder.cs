using IvrController.Rules.Numbers;

namespace IvrController.Rules.Regions;

/// <summary>A second opinion on where a number is, for prefixes the admins' table does not have.</summary>
public interface IRegionGeocoder
{
    /// <summary>The number's region, or null when the geocoder knows only the country or nothing.</summary>
    NumberRegion? Locate(PhoneNumber number);
}
