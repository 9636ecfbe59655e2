namespace IvrController.Rules.Regions;

/// <summary>
/// One row of the admins' region table: a national-form prefix (a 7-digit mobile prefix such as
/// "1731234", or a landline area code with its trunk 0 such as "021" or "0755") and its region.
/// </summary>
public sealed record RegionPrefixRow(string Prefix, NumberRegion Region)
{
    public const int MinLength = 3;

    public const int MaxLength = 8;

    /// <summary>Why a prefix cannot be used, or null when it can.</summary>
    public static string? ProblemWith(string prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return "prefix is empty";
        }

        foreach (char c in prefix)
        {
            if (c is < '0' or > '9')
            {
                return $"prefix '{prefix}' has characters that are not digits";
            }
        }

        if (prefix[0] is not ('0' or '1'))
        {
            return $"prefix '{prefix}' must start with 1 (a mobile prefix) or 0 (a landline area code)";
        }

        // The stored table (number_regions) takes 3 to 8 digits, from the shortest area code with its 0
        // ("010") to a mobile prefix with a digit to spare: a table that loads must also be storable.
        return prefix.Length switch
        {
            < MinLength => $"prefix '{prefix}' is too short: a region prefix has {MinLength} to {MaxLength} digits",
            > MaxLength => $"prefix '{prefix}' is too long: a region prefix has {MinLength} to {MaxLength} digits",
            _ => null,
        };
    }
}
