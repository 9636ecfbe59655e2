using IvrController.Rules.Numbers;
using PhoneNumbers;
using PhoneNumber = IvrController.Rules.Numbers.PhoneNumber;

namespace IvrController.Rules.Regions;

/// <summary>
/// libphonenumber's offline geocoder with its zh data, shipped inside the package (no network). It loads
/// its +86 data on first use (about a second), then answers in microseconds; it is thread-safe.
/// Known gaps, which is why <see cref="RegionResolver"/> asks the admins' table first: 16x, 19x, 172 and
/// 175 give only "中国" (no region here), and every 173 number is 北京.
/// </summary>
public sealed class LibPhoneNumberGeocoder : IRegionGeocoder
{
    private static readonly Locale Chinese = new("zh", "CN");

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberOfflineGeocoder _geocoder = PhoneNumberOfflineGeocoder.GetInstance();

    public NumberRegion? Locate(PhoneNumber number)
    {
        string? description = Describe(number);
        return GeocoderDescription.TryParse(description, out NumberRegion? region) ? region : null;
    }

    /// <summary>The geocoder's own words for the number ("广东省深圳市", "中国", ""), for explanations.</summary>
    public string? Describe(PhoneNumber number)
    {
        if (number.Kind == PhoneNumberKind.Special)
        {
            return null;
        }

        try
        {
            return _geocoder.GetDescriptionForNumber(_util.Parse(number.E164, "CN"), Chinese);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
