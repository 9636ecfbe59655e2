using IvrController.Rules.Regions;
using IvrController.Store.Snapshots;
using Npgsql;

namespace IvrController.Cli;

/// <summary>Loads the rules exactly as the controller does (same reader, same builder, same geocoder).</summary>
public static class RuleLoading
{
    private static readonly Lazy<LibPhoneNumberGeocoder> Geocoder = new(() => new LibPhoneNumberGeocoder());

    public static Task<RuleSnapshotBuild> LoadAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        new RuleSnapshotSource(database, Geocoder.Value).LoadBuildAsync(cancellationToken);
}
