namespace IvrController.Rules.Numbers;

/// <summary>How agents type numbers on this site.</summary>
public sealed record NormalizerOptions
{
    /// <summary>
    /// Outside-line prefixes agents put in front of a number out of PBX habit ("9", "0", "17951").
    /// One is stripped only when the number is not valid as typed and what remains is.
    /// </summary>
    public IReadOnlyList<string> DialPrefixes { get; init; } = [];
}
