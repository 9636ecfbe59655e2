namespace IvrController.Web.Pages;

/// <summary>
/// A form field as the admin layer's refusals name it: a refusal is shown under the first field whose words
/// it contains (the list's order puts the longer phrases first: "timeout prompt" before "timeout").
/// </summary>
public sealed record FormField(string Key, params string[] NamedAs)
{
    /// <summary>The field's key a refusal is about, or "" (shown above the form).</summary>
    public static string KeyOf(string problem, IEnumerable<FormField> fields) =>
        fields.FirstOrDefault(field => field.NamedAs.Any(words => problem.Contains(words, StringComparison.OrdinalIgnoreCase)))?.Key ?? "";
}
