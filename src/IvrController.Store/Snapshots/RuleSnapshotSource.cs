using IvrController.Rules.Regions;
using IvrController.Rules.Snapshots;
using IvrController.Store.Repositories;
using Npgsql;

namespace IvrController.Store.Snapshots;

/// <summary>Reads the rule tables in one consistent snapshot and builds the rules layer's model from them.</summary>
public sealed class RuleSnapshotSource : IRuleSnapshotSource
{
    private readonly RuleRowsReader _reader;
    private readonly IRegionGeocoder? _geocoder;
    private readonly TimeProvider _time;

    public RuleSnapshotSource(NpgsqlDataSource dataSource, IRegionGeocoder? geocoder, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _reader = new RuleRowsReader(dataSource);
        _geocoder = geocoder;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The snapshot, the customer-ID table, and the rows that had to be left out.</summary>
    public async Task<RuleSnapshotBuild> LoadBuildAsync(CancellationToken cancellationToken)
    {
        var rows = await _reader.LoadAsync(cancellationToken).ConfigureAwait(false);
        // Building a large snapshot takes milliseconds of CPU: on a pool thread, not on the socket thread that
        // delivered the rows (with inline socket completions that thread serves other calls' sockets too).
        await Task.Yield();
        return RuleSnapshotBuilder.Build(rows, _time.GetUtcNow(), _geocoder);
    }

    public async Task<RuleSnapshot> LoadAsync(CancellationToken cancellationToken) =>
        (await LoadBuildAsync(cancellationToken).ConfigureAwait(false)).Snapshot;
}
