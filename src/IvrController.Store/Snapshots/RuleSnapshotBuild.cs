using IvrController.Rules.Snapshots;

namespace IvrController.Store.Snapshots;

/// <summary>
/// A snapshot built from the rule tables, and what had to be left out of it: rows the schema
/// accepts but the rules cannot use (a number that no longer normalises, a region the names
/// table does not know). Left-out rows are reported, never silently dropped.
/// </summary>
public sealed record RuleSnapshotBuild(RuleSnapshot Snapshot, CustomerIdTable CustomerIds, IReadOnlyList<string> Skipped);
