namespace IvrController.Admin;

/// <summary>
/// A thing's fields as the audit log words them, in a fixed order ("name 张三; status active"). An edit's entry
/// names only the fields that changed, from what each was to what it is ("status active → offline").
/// </summary>
internal sealed class AuditFacts(IReadOnlyList<(string Field, string Value)> fields)
{
    public IReadOnlyList<(string Field, string Value)> Fields => fields;

    public override string ToString() => string.Join("; ", fields.Select(f => $"{f.Field} {f.Value}"));

    /// <summary>"retries 1 → 2; keys …", or "no change".</summary>
    public string Since(AuditFacts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return string.Join("; ", before.Fields.Zip(fields)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Field} {pair.First.Value} → {pair.Second.Value}")
            .DefaultIfEmpty("no change"));
    }

    /// <summary>A list as one value: "sales,support", or "none".</summary>
    public static string List(IEnumerable<string> items) => string.Join(",", items) is { Length: > 0 } list ? list : "none";

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>A duration as the audit log words it: "5s", "2.5s".</summary>
    public static string Seconds(TimeSpan value) => $"{value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s";
}
