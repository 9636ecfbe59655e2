namespace IvrController.Rules.Regions;

public enum RegionSource
{
    /// <summary>Neither the table nor the geocoder placed the number.</summary>
    None,

    /// <summary>The admins' prefix table.</summary>
    Table,

    /// <summary>libphonenumber's offline geocoder.</summary>
    Geocoder,
}
