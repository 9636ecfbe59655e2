namespace IvrController.Rules.Regions;

/// <summary>One problem in an imported region file, with the line it is on (1-based).</summary>
public sealed record RegionCsvError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
