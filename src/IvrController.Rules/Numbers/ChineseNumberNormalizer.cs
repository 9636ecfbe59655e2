using System.Diagnostics.CodeAnalysis;

namespace IvrController.Rules.Numbers;

/// <summary>
/// Turns what an agent, an admin or a CRM typed into a <see cref="PhoneNumber"/>, or says precisely
/// why it cannot.
/// </summary>
/// <remarks>
/// Accepted: digits with spaces, dashes, dots and parentheses (full-width forms from Chinese input
/// methods too); +86, 0086 or a bare 86 in front; mobiles (11 digits, 13x–19x); landlines as
/// 0 + area code + local number (010 and 02x take 8 local digits, 0[3-9]xx takes 7 or 8: the length
/// varies by city and is not checked per code); 400/800 numbers; 5-digit service numbers (95xxx, 96xxx, 100xx, 12xxx).
/// Error texts never repeat the input, so they can be logged as they are.
/// </remarks>
public sealed class ChineseNumberNormalizer
{
    /// <summary>Longer input is refused before it is examined: no number needs 40 characters.</summary>
    public const int MaxInputLength = 40;

    private const string Empty = "empty: no digits were given";

    private readonly string[] _dialPrefixes;

    public ChineseNumberNormalizer(NormalizerOptions options)
    {
        foreach (string prefix in options.DialPrefixes)
        {
            if (prefix.Length is 0 or > 8 || !IsAllDigits(prefix))
            {
                throw new ArgumentException($"A dial prefix must be 1 to 8 digits (got '{prefix}').", nameof(options));
            }
        }

        // Longest first, so "17951" is tried before a "1" that would also match.
        _dialPrefixes = [.. options.DialPrefixes.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];
    }

    /// <summary>No dial prefixes.</summary>
    public static ChineseNumberNormalizer Default { get; } = new(new NormalizerOptions());

    public bool TryNormalize(string? raw, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = Empty;
            return false;
        }

        if (raw.Length > MaxInputLength)
        {
            error = $"too long: more than {MaxInputLength} characters";
            return false;
        }

        Span<char> buffer = stackalloc char[MaxInputLength];
        if (!TryExtractDigits(raw, buffer, out int length, out bool international, out error))
        {
            return false;
        }

        ReadOnlySpan<char> digits = buffer[..length];
        if (international)
        {
            // "+" means the country code follows: it must be 86, and no dial prefix applies.
            if (!digits.StartsWith("86"))
            {
                error = "not a Chinese number: only +86 is supported";
                return false;
            }

            return TryAfterCountryCode(digits[2..], out number, out error);
        }

        if (TryWithoutPlus(digits, out number, out error))
        {
            return true;
        }

        foreach (string prefix in _dialPrefixes)
        {
            if (digits.Length > prefix.Length && digits.StartsWith(prefix)
                && TryWithoutPlus(digits[prefix.Length..], out number, out _))
            {
                error = null;
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="TryNormalize"/>, throwing <see cref="InvalidPhoneNumberException"/> when the input is unusable.</summary>
    public PhoneNumber Normalize(string? raw) =>
        TryNormalize(raw, out PhoneNumber? number, out string? error)
            ? number
            : throw new InvalidPhoneNumberException(error, NumberMask.MaskRaw(raw));

    private static bool TryWithoutPlus(ReadOnlySpan<char> digits, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        if (digits.StartsWith("0086"))
        {
            return TryAfterCountryCode(digits[4..], out number, out error);
        }

        if (TryNational(digits, out number, out error))
        {
            return true;
        }

        // A bare 86 is a country code only when a mobile or landline follows: no national number starts
        // with 86 at these lengths, but "8695588" is more likely a local number typed without its area code.
        if (digits.Length > 2 && digits.StartsWith("86")
            && TryAfterCountryCode(digits[2..], out PhoneNumber? afterCode, out _)
            && afterCode.Kind != PhoneNumberKind.Special)
        {
            number = afterCode;
            error = null;
            return true;
        }

        return false;
    }

    /// <summary>The national significant number after 86: a landline comes without its trunk 0 (a written "(0)" is tolerated).</summary>
    private static bool TryAfterCountryCode(ReadOnlySpan<char> significant, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        if (significant.IsEmpty)
        {
            number = null;
            error = "nothing follows the country code 86";
            return false;
        }

        // Beijing's area code is 10, so "+86 10 6234 5678" starts with 1 like a mobile does; mobiles
        // never start with 10 and have 11 digits, so 10 followed by 8 local digits is Beijing.
        bool beijingLandline = significant.Length == 10 && significant.StartsWith("10");
        bool keepsItsForm = !beijingLandline && (significant[0] is '0' or '1')
            || (significant.Length == 10 && (significant.StartsWith("400") || significant.StartsWith("800")))
            || (significant.Length == 5 && significant[0] == '9');
        if (keepsItsForm)
        {
            return TryNational(significant, out number, out error);
        }

        Span<char> withTrunk = stackalloc char[significant.Length + 1];
        withTrunk[0] = '0';
        significant.CopyTo(withTrunk[1..]);
        return TryNational(withTrunk, out number, out error);
    }

    private static bool TryNational(ReadOnlySpan<char> d, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        int n = d.Length;
        if (n > 12)
        {
            error = $"too long: {n} digits; a mobile number has 11, a landline at most 12 with its area code";
            return false;
        }

        switch (d[0])
        {
            case '1':
                return TryMobileOrShortService(d, out number, out error);
            case '0':
                return TryLandline(d, out number, out error);
            case '4' or '8' when n == 10 && (d.StartsWith("400") || d.StartsWith("800")):
                number = new PhoneNumber(d.ToString(), PhoneNumberKind.Special);
                error = null;
                return true;
            case '9' when n == 5 && d[1] is '5' or '6':
                number = new PhoneNumber(d.ToString(), PhoneNumberKind.Special);
                error = null;
                return true;
            default:
                error = n switch
                {
                    7 or 8 => "a landline number needs its area code (for example 021 for Shanghai or 0755 for Shenzhen)",
                    < 7 => $"too short: {n} digits",
                    _ => $"unknown shape: {n} digits starting with {d[0]} are neither a mobile number (11 digits starting 13 to 19) nor a landline (0, area code, local number)",
                };
                return false;
        }
    }

    private static bool TryMobileOrShortService(ReadOnlySpan<char> d, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        int n = d.Length;
        if (n == 11)
        {
            if (d[1] is < '3' or > '9')
            {
                error = "not a mobile number: mobile numbers start with 13 to 19";
                return false;
            }

            number = new PhoneNumber(d.ToString(), PhoneNumberKind.Mobile);
            error = null;
            return true;
        }

        if (n == 5 && (d.StartsWith("100") || d.StartsWith("12")))
        {
            number = new PhoneNumber(d.ToString(), PhoneNumberKind.Special);
            error = null;
            return true;
        }

        error = n < 11
            ? $"too short: {n} digits; a mobile number has 11"
            : $"too long: {n} digits; a mobile number has 11";
        return false;
    }

    private static bool TryLandline(ReadOnlySpan<char> d, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        int n = d.Length;
        if (n < 3)
        {
            error = $"too short: {n} digits; a landline is 0, an area code and a local number";
            return false;
        }

        if (d[1] == '0')
        {
            error = "starts with 00, an international call prefix: only 0086 (China) is supported";
            return false;
        }

        if (d[1] == '1' && d[2] != '0')
        {
            error = $"area code 01{d[2]} does not exist: the only area code starting 01 is 010 (Beijing)";
            return false;
        }

        // 010 and 02x are the big cities with 2-digit codes and 8-digit local numbers; 0[3-9]xx take 7 or 8.
        int areaLength = d[1] is '1' or '2' ? 3 : 4;
        int minLocal = areaLength == 3 ? 8 : 7;
        const int maxLocal = 8;
        if (n < areaLength)
        {
            error = $"too short: {n} digits; a landline is 0, an area code and a local number";
            return false;
        }

        string area = d[..areaLength].ToString();
        int local = n - areaLength;
        if (local == 0)
        {
            error = $"only an area code ({area}): the local number is missing";
            return false;
        }

        string expected = minLocal == maxLocal ? $"{maxLocal}" : $"{minLocal} or {maxLocal}";
        if (local < minLocal)
        {
            error = $"too short: area code {area} needs {expected} local digits, this one has {local}";
            return false;
        }

        if (local > maxLocal)
        {
            error = $"too long: area code {area} needs {expected} local digits, this one has {local}";
            return false;
        }

        number = new PhoneNumber(d.ToString(), PhoneNumberKind.Landline, areaLength);
        error = null;
        return true;
    }

    private static bool TryExtractDigits(string raw, Span<char> digits, out int length, out bool international, [NotNullWhen(false)] out string? error)
    {
        length = 0;
        international = false;
        foreach (char original in raw)
        {
            char c = FromFullWidth(original);
            if (c is >= '0' and <= '9')
            {
                digits[length++] = c;
            }
            else if (c == '+')
            {
                if (length > 0 || international)
                {
                    error = "a '+' may only stand at the start of the number";
                    return false;
                }

                international = true;
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '(' or ')' or '.'))
            {
                error = char.IsLetter(c)
                    ? $"contains the letter '{c}': a phone number has only digits"
                    : $"contains '{c}': only digits, spaces, dashes, dots, parentheses and a leading + are allowed";
                return false;
            }
        }

        if (length == 0)
        {
            error = Empty;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Chinese input methods type full-width digits and punctuation ("１３８－…").</summary>
    private static char FromFullWidth(char c) => c switch
    {
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
        '\uFF0B' => '+',
        '\uFF0D' => '-',
        '\uFF08' => '(',
        '\uFF09' => ')',
        '\u3000' => ' ',
        _ => c,
    };

    private static bool IsAllDigits(string s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
