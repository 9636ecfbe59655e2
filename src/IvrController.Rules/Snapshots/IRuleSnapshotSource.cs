namespace IvrController.Rules.Snapshots;

/// <summary>Where rule snapshots come from (the store reads the rule tables and builds one).</summary>
public interface IRuleSnapshotSource
{
    Task<RuleSnapshot> LoadAsync(CancellationToken cancellationToken);
}
