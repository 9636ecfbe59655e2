namespace IvrController.Rules.Regions;

/// <summary>
/// The good rows of an imported region file and every problem found in it: admins fix a file in one go,
/// so parsing never stops at the first bad line.
/// </summary>
public sealed record RegionCsvImport(IReadOnlyList<RegionPrefixRow> Rows, IReadOnlyList<RegionCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public RegionPrefixTable ToTable() => new(Rows);
}
