using System.Globalization;

namespace IvrController.Admin;

/// <summary>
/// Admins name survey templates by name, or by id (the number the database gave them). A name wins over
/// an id, and new names may not be all digits, so the two never compete.
/// </summary>
internal static class TemplateReference
{
    /// <summary>Filter and order for "the template this reference means"; bind <see cref="Parameters"/>.</summary>
    public const string Match = "(name = @RefName or id = @RefId) order by name = @RefName desc limit 1";

    public static Dictionary<string, object?> Parameters(string reference) => new(StringComparer.Ordinal)
    {
        ["RefName"] = reference,
        ["RefId"] = IsId(reference) && int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : null,
    };

    public static bool IsId(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
