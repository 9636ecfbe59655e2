using IvrController.Rules.Numbers;
using Xunit;

namespace IvrController.Rules.Tests.Numbers;

public sealed class ChineseNumberNormalizerTests
{
    [Theory]
    [InlineData("13812345678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("138 1234 5678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("138-1234-5678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("138.1234.5678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("+86 138 1234 5678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("(+86) 138-1234-5678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("008613812345678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("8613812345678", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("１３８１２３４５６７８", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("＋８６　１３８－１２３４－５６７８", "+8613812345678", "13812345678", PhoneNumberKind.Mobile)]
    [InlineData("19912345678", "+8619912345678", "19912345678", PhoneNumberKind.Mobile)]
    [InlineData("16612345678", "+8616612345678", "16612345678", PhoneNumberKind.Mobile)]
    [InlineData("02152810000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("021-5281-0000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("(021) 5281 0000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("+86 21 5281 0000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("+86 (0)21 5281 0000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("862152810000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("00862152810000", "+862152810000", "02152810000", PhoneNumberKind.Landline)]
    [InlineData("010 1234 5678", "+861012345678", "01012345678", PhoneNumberKind.Landline)]
    [InlineData("0755-1234-5678", "+8675512345678", "075512345678", PhoneNumberKind.Landline)]
    [InlineData("+86 755 1234 5678", "+8675512345678", "075512345678", PhoneNumberKind.Landline)]
    [InlineData("0731-1234567", "+867311234567", "07311234567", PhoneNumberKind.Landline)]
    [InlineData("400-800-1234", "+864008001234", "4008001234", PhoneNumberKind.Special)]
    [InlineData("+86 800 123 4567", "+868001234567", "8001234567", PhoneNumberKind.Special)]
    [InlineData("95588", "+8695588", "95588", PhoneNumberKind.Special)]
    [InlineData("10086", "+8610086", "10086", PhoneNumberKind.Special)]
    [InlineData("12345", "+8612345", "12345", PhoneNumberKind.Special)]
    [InlineData("+86 10 6234 5678", "+861062345678", "01062345678", PhoneNumberKind.Landline)]
    [InlineData("008610 62345678", "+861062345678", "01062345678", PhoneNumberKind.Landline)]
    public void Accepts_the_ways_chinese_numbers_are_written(string raw, string e164, string national, PhoneNumberKind kind)
    {
        Assert.True(ChineseNumberNormalizer.Default.TryNormalize(raw, out PhoneNumber? number, out string? error), error);
        Assert.Equal(e164, number.E164);
        Assert.Equal(national, number.National);
        Assert.Equal(kind, number.Kind);
        Assert.Null(error);

        // The store keeps E.164 and normalises it again when it loads: that must give the same number.
        Assert.Equal(number, ChineseNumberNormalizer.Default.Normalize(number.E164));
        Assert.Equal(kind, ChineseNumberNormalizer.Default.Normalize(number.E164).Kind);
    }

    [Theory]
    [InlineData("", "empty: no digits were given")]
    [InlineData("   ", "empty: no digits were given")]
    [InlineData("- ( )", "empty: no digits were given")]
    [InlineData("1381234567a", "contains the letter 'a': a phone number has only digits")]
    [InlineData("138张12345678", "contains the letter '张': a phone number has only digits")]
    [InlineData("138#12345678", "contains '#': only digits, spaces, dashes, dots, parentheses and a leading + are allowed")]
    [InlineData("13+812345678", "a '+' may only stand at the start of the number")]
    [InlineData("123", "too short: 3 digits; a mobile number has 11")]
    [InlineData("1381234567", "too short: 10 digits; a mobile number has 11")]
    [InlineData("138123456789", "too long: 12 digits; a mobile number has 11")]
    [InlineData("1381234567890", "too long: 13 digits; a mobile number has 11, a landline at most 12 with its area code")]
    [InlineData("12812345678", "not a mobile number: mobile numbers start with 13 to 19")]
    [InlineData("+1 415 555 0100", "not a Chinese number: only +86 is supported")]
    [InlineData("0014155550100", "too long: 13 digits; a mobile number has 11, a landline at most 12 with its area code")]
    [InlineData("001415555010", "starts with 00, an international call prefix: only 0086 (China) is supported")]
    [InlineData("+86", "nothing follows the country code 86")]
    [InlineData("52810000", "a landline number needs its area code (for example 021 for Shanghai or 0755 for Shenzhen)")]
    [InlineData("0215281000", "too short: area code 021 needs 8 local digits, this one has 7")]
    [InlineData("021528100001", "too long: area code 021 needs 8 local digits, this one has 9")]
    [InlineData("0755123456", "too short: area code 0755 needs 7 or 8 local digits, this one has 6")]
    [InlineData("01112345678", "area code 011 does not exist: the only area code starting 01 is 010 (Beijing)")]
    [InlineData("021", "only an area code (021): the local number is missing")]
    [InlineData("05", "too short: 2 digits; a landline is 0, an area code and a local number")]
    [InlineData("2345678901", "unknown shape: 10 digits starting with 2 are neither a mobile number (11 digits starting 13 to 19) nor a landline (0, area code, local number)")]
    [InlineData("913812345678", "unknown shape: 12 digits starting with 9 are neither a mobile number (11 digits starting 13 to 19) nor a landline (0, area code, local number)")]
    [InlineData("1234567890123456789012345678901234567890X", "too long: more than 40 characters")]
    public void Refuses_garbage_saying_what_is_wrong(string raw, string expected)
    {
        Assert.False(ChineseNumberNormalizer.Default.TryNormalize(raw, out PhoneNumber? number, out string? error));
        Assert.Null(number);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("0215281000")]
    [InlineData("+1 415 555 0100")]
    [InlineData("2345678901")]
    public void An_error_never_repeats_the_digits_that_were_typed(string raw)
    {
        ChineseNumberNormalizer.Default.TryNormalize(raw, out _, out string? error);
        string digits = new([.. raw.Where(char.IsAsciiDigit)]);
        Assert.NotNull(error);
        Assert.DoesNotContain(digits, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_throws_with_the_reason_and_a_masked_copy_of_the_input()
    {
        InvalidPhoneNumberException ex = Assert.Throws<InvalidPhoneNumberException>(
            () => ChineseNumberNormalizer.Default.Normalize("1381234567a"));
        Assert.Equal("contains the letter 'a': a phone number has only digits", ex.Message);
        Assert.Equal("********67a", ex.MaskedInput);
    }

    [Fact]
    public void Normalize_returns_the_number_when_it_is_valid() =>
        Assert.Equal("+8613812345678", ChineseNumberNormalizer.Default.Normalize(" 138 1234 5678 ").E164);

    [Theory]
    [InlineData("913812345678", "+8613812345678")]
    [InlineData("9 021 5281 0000", "+862152810000")]
    [InlineData("995588", "+8695588")]
    [InlineData("9008613812345678", "+8613812345678")]
    public void An_outside_line_prefix_is_stripped_when_what_remains_is_a_number(string raw, string e164)
    {
        var normalizer = new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = ["9"] });
        Assert.Equal(e164, normalizer.Normalize(raw).E164);
    }

    [Fact]
    public void A_number_valid_as_typed_keeps_a_leading_digit_that_equals_the_dial_prefix()
    {
        var normalizer = new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = ["9", "0"] });
        Assert.Equal("95588", normalizer.Normalize("95588").National);
        Assert.Equal("02152810000", normalizer.Normalize("02152810000").National);
    }

    [Theory]
    [InlineData("013812345678", "+8613812345678")]
    [InlineData("002152810000", "+862152810000")]
    public void A_zero_outside_line_prefix_is_stripped_in_front_of_mobiles_and_landlines(string raw, string e164)
    {
        var normalizer = new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = ["0"] });
        Assert.Equal(e164, normalizer.Normalize(raw).E164);
    }

    [Fact]
    public void The_longest_dial_prefix_is_tried_first()
    {
        var normalizer = new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = ["1", "17951"] });
        Assert.Equal("+8613812345678", normalizer.Normalize("1795113812345678").E164);
    }

    [Fact]
    public void Without_a_configured_prefix_the_outside_line_digit_is_an_error_about_the_input_as_typed()
    {
        Assert.False(ChineseNumberNormalizer.Default.TryNormalize("013812345678", out _, out string? error));
        Assert.Equal("area code 013 does not exist: the only area code starting 01 is 010 (Beijing)", error);
    }

    [Fact]
    public void When_nothing_fits_the_error_is_about_the_input_as_typed_not_the_stripped_attempt()
    {
        var normalizer = new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = ["9"] });
        Assert.False(normalizer.TryNormalize("91381234567", out _, out string? error));
        Assert.Equal("unknown shape: 11 digits starting with 9 are neither a mobile number (11 digits starting 13 to 19) nor a landline (0, area code, local number)", error);
    }

    [Fact]
    public void A_bare_86_is_not_read_as_a_country_code_in_front_of_a_short_service_number()
    {
        Assert.False(ChineseNumberNormalizer.Default.TryNormalize("8695588", out _, out string? error));
        Assert.Equal("a landline number needs its area code (for example 021 for Shanghai or 0755 for Shenzhen)", error);
    }

    [Theory]
    [InlineData("9a")]
    [InlineData("")]
    [InlineData("123456789")]
    public void Dial_prefixes_must_be_short_digit_strings(string prefix) =>
        Assert.Throws<ArgumentException>(() => new ChineseNumberNormalizer(new NormalizerOptions { DialPrefixes = [prefix] }));
}
