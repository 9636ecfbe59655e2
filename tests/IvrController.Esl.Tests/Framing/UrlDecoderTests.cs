using IvrController.Esl.Framing;
using Xunit;

namespace IvrController.Esl.Tests.Framing;

public sealed class UrlDecoderTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Mon,%2023%20Nov%202026", "Mon, 23 Nov 2026")]
    [InlineData("%2BOK%0A", "+OK\n")]
    [InlineData("a+b", "a+b")]
    [InlineData("100%", "100%")]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz%41", "%zzA")]
    [InlineData("%E5%8F%B7%E7%A0%81", "号码")]
    [InlineData("tone_stream%3A//%25(300,0,800)", "tone_stream://%(300,0,800)")]
    public void Decodes_percent_escapes_and_leaves_anything_else_alone(string encoded, string expected) =>
        Assert.Equal(expected, UrlDecoder.Decode(encoded));

    [Fact]
    public void A_split_multibyte_escape_decodes_to_a_replacement_character_not_an_exception() =>
        Assert.Equal("\uFFFD", UrlDecoder.Decode("%E5%8F"));

    [Fact]
    public void Long_values_decode_through_the_pooled_path()
    {
        string value = string.Concat(Enumerable.Repeat("%41b", 400));
        Assert.Equal(string.Concat(Enumerable.Repeat("Ab", 400)), UrlDecoder.Decode(value));
    }
}
