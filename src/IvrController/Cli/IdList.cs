namespace IvrController.Cli;

/// <summary>Comma-separated ids as options take them ("sales,support"); an empty string is the empty list, which clears.</summary>
public static class IdList
{
    public static IReadOnlyCollection<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>"sales, support", or "none" for no ids.</summary>
    public static string Show(IEnumerable<string> ids)
    {
        string joined = string.Join(", ", ids);
        return joined.Length == 0 ? "none" : joined;
    }
}
