using IvrController.Rules.Numbers;

namespace IvrController.Rules.Tests.Support;

internal static class Numbers
{
    /// <summary>A normalised number; the tests' shorthand for "this is a valid number".</summary>
    public static PhoneNumber N(string raw) => ChineseNumberNormalizer.Default.Normalize(raw);
}
