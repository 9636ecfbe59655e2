namespace IvrController.Rules.Numbers;

/// <summary>What agents and logs see instead of a customer's number.</summary>
public static class NumberMask
{
    /// <summary>Raw strings are cut to this many characters in masks: a log line needs no more.</summary>
    public const int MaxRawMaskLength = 40;

    /// <summary>
    /// Hides the 4 digits before the last 4 of the national form: 13812345678 → "138****5678",
    /// 02152810000 → "021****0000", 075512345678 → "0755****5678", 4001234567 → "40****4567".
    /// Short numbers (national form under 8 digits: service numbers such as 95588 or 10086) keep only
    /// their last 2 digits: "95588" → "***88", "10086" → "***86".
    /// </summary>
    public static string Mask(PhoneNumber number) => MaskNational(number.National);

    /// <summary>
    /// For a number kept as text (a stored E.164, a channel variable): masked as a number when it
    /// normalises ("+8613812345678" → "138****5678"), else as raw text by <see cref="MaskRaw"/>.
    /// </summary>
    public static string MaskText(string? text) =>
        ChineseNumberNormalizer.Default.TryNormalize(text, out PhoneNumber? number, out _) ? Mask(number) : MaskRaw(text);

    /// <summary>
    /// For strings that did not normalise: every digit except the last two becomes '*', other characters
    /// stay ("138-1234-567x" → "***-****-*67x"), and the result is cut to <see cref="MaxRawMaskLength"/>.
    /// </summary>
    public static string MaskRaw(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        int digits = 0;
        foreach (char c in raw)
        {
            if (IsDigit(c))
            {
                digits++;
            }
        }

        int visibleFrom = digits - 2;
        int length = Math.Min(raw.Length, MaxRawMaskLength);
        return string.Create(raw.Length > MaxRawMaskLength ? length + 1 : length, (raw, visibleFrom), (span, state) =>
        {
            int digitIndex = 0;
            for (int i = 0; i < span.Length; i++)
            {
                if (i == MaxRawMaskLength)
                {
                    span[i] = '…';
                    break;
                }

                char c = state.raw[i];
                span[i] = IsDigit(c) && digitIndex++ < state.visibleFrom ? '*' : c;
            }
        });
    }

    internal static string MaskNational(string national)
    {
        int n = national.Length;
        if (n < 8)
        {
            return n <= 2 ? national : new string('*', n - 2) + national[^2..];
        }

        return string.Concat(national.AsSpan(0, n - 8), "****", national.AsSpan(n - 4));
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '\uFF10' and <= '\uFF19');
}
