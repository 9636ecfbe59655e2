namespace IvrController.Rules.Numbers;

/// <summary>What a normalised Chinese number is.</summary>
public enum PhoneNumberKind
{
    /// <summary>11 digits, 13x to 19x.</summary>
    Mobile,

    /// <summary>Trunk 0, area code, local number.</summary>
    Landline,

    /// <summary>Service numbers with no region: 400/800 numbers and short numbers such as 95588 or 10086.</summary>
    Special,
}
