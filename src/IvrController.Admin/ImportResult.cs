namespace IvrController.Admin;

/// <summary>
/// What an all-or-nothing import did: with no <see cref="Errors"/>, <see cref="Rows"/> rows are in the table,
/// of which <see cref="Added"/> were new and <see cref="Changed"/> differed from before, and
/// <see cref="Removed"/> old rows were dropped (replace only). With errors, nothing was written.
/// </summary>
public sealed record ImportResult(int Rows, int Added, int Changed, int Removed, IReadOnlyList<ImportLineError> Errors)
{
    public bool IsImported => Errors.Count == 0;

    public static ImportResult Refused(IReadOnlyList<ImportLineError> errors) => new(0, 0, 0, 0, errors);

    /// <summary>"imported regions.csv (replace): 3 rows, 2 new, 1 changed, 0 removed".</summary>
    internal AuditEntry Audit(string who, string action, string source, bool replace) =>
        new(who, action, $"imported {source}{(replace ? " (replace)" : "")}: {Rows} rows, {Added} new, {Changed} changed, {Removed} removed");
}
