using System.Buffers.Binary;
using IvrController.Admin.Prompts;
using Xunit;

namespace IvrController.Store.Tests.Admin.Prompts;

public sealed class WavFormatTests
{
    [Fact]
    public void A_header_with_a_list_chunk_before_the_data_reads_its_format_and_length()
    {
        byte[] wav = Wav(rate: 8000, channels: 1, bits: 16, dataBytes: 16000, extraChunk: true);

        WavFormat? format = WavFormat.Read(wav);

        Assert.Equal(new WavFormat(1, 1, 8000, 16, 16000), format);
        Assert.Equal(TimeSpan.FromSeconds(1), format!.Duration);
        Assert.True(format.IsTelephony);
    }

    [Fact]
    public void Stereo_44_1_kHz_is_a_wav_but_not_telephony()
    {
        WavFormat? format = WavFormat.Read(Wav(rate: 44100, channels: 2, bits: 16, dataBytes: 1764));

        Assert.NotNull(format);
        Assert.False(format.IsTelephony);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RIFF")]
    [InlineData("RIFF\0\0\0\0AVI LIST")]
    [InlineData("ID3\u0003 mp3")]
    public void Anything_else_is_not_a_wav(string text)
    {
        Assert.Null(WavFormat.Read(System.Text.Encoding.Latin1.GetBytes(text)));
    }

    [Fact]
    public void Data_before_fmt_is_not_a_wav()
    {
        byte[] wav = Wav(8000, 1, 16, 8);
        // Rename "fmt " so the data chunk comes without a format.
        wav[12] = (byte)'x';

        Assert.Null(WavFormat.Read(wav));
    }

    private static byte[] Wav(int rate, int channels, int bits, int dataBytes, bool extraChunk = false)
    {
        var bytes = new List<byte>();
        bytes.AddRange("RIFF"u8.ToArray());
        bytes.AddRange(new byte[4]);
        bytes.AddRange("WAVEfmt "u8.ToArray());
        bytes.AddRange(Le32(16));
        bytes.AddRange(Le16(1));
        bytes.AddRange(Le16(channels));
        bytes.AddRange(Le32(rate));
        bytes.AddRange(Le32(rate * channels * bits / 8));
        bytes.AddRange(Le16(channels * bits / 8));
        bytes.AddRange(Le16(bits));
        if (extraChunk)
        {
            bytes.AddRange("LIST"u8.ToArray());
            bytes.AddRange(Le32(3));
            bytes.AddRange("abc\0"u8.ToArray()); // odd size, padded
        }

        bytes.AddRange("data"u8.ToArray());
        bytes.AddRange(Le32(dataBytes));
        bytes.AddRange(new byte[dataBytes]);
        return [.. bytes];
    }

    private static byte[] Le16(int value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        return b;
    }

    private static byte[] Le32(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)value);
        return b;
    }
}
