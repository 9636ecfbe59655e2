namespace IvrController.Admin;

/// <summary>One problem in an imported file, on a 1-based line.</summary>
public sealed record ImportLineError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
