namespace IvrController.Rules.Numbers;

/// <summary>
/// A Chinese number in canonical form, made only by <see cref="ChineseNumberNormalizer"/>.
/// Equal numbers have equal <see cref="E164"/>.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> returns the mask, not the number: a customer's number that slips into a log
/// line or an exception message through string interpolation stays hidden. Ask for <see cref="E164"/>
/// or <see cref="National"/> where the real digits are needed (the bridge string, the database).
/// </remarks>
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    internal PhoneNumber(string national, PhoneNumberKind kind, int areaCodeLength = 0)
    {
        National = national;
        Kind = kind;
        // E.164 drops the trunk 0 of a landline: 02152810000 is +862152810000.
        E164 = "+86" + (kind == PhoneNumberKind.Landline ? national[1..] : national);
        AreaCode = kind == PhoneNumberKind.Landline ? national[..areaCodeLength] : null;
        MobilePrefix = kind == PhoneNumberKind.Mobile ? national[..7] : null;
    }

    /// <summary>"+8613812345678", "+862152810000".</summary>
    public string E164 { get; }

    /// <summary>What is dialled inside China: "13812345678", "02152810000" (landlines keep the trunk 0), "95588".</summary>
    public string National { get; }

    public PhoneNumberKind Kind { get; }

    /// <summary>Landlines only, with the trunk 0: "010", "021", "0755".</summary>
    public string? AreaCode { get; }

    /// <summary>Mobiles only: the first 7 digits ("1381234"), the unit operators allocate to a city.</summary>
    public string? MobilePrefix { get; }

    /// <summary>The digits region tables are keyed by: the area code or the mobile prefix; null for special numbers.</summary>
    public string? RegionPrefix => AreaCode ?? MobilePrefix;

    public bool Equals(PhoneNumber? other) => other is not null && string.Equals(E164, other.E164, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PhoneNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(E164);

    public static bool operator ==(PhoneNumber? left, PhoneNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PhoneNumber? left, PhoneNumber? right) => !(left == right);

    /// <summary>The masked national form (<see cref="NumberMask.Mask"/>), never the number itself.</summary>
    public override string ToString() => NumberMask.Mask(this);
}
