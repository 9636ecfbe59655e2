using System.Buffers.Binary;

namespace IvrController.Admin.Prompts;

/// <summary>What a WAV file's header says: enough to check a prompt is what the switch plays without resampling.</summary>
public sealed record WavFormat(int FormatTag, int Channels, int SampleRate, int BitsPerSample, long DataBytes)
{
    public const int Pcm = 1;

    public TimeSpan Duration => SampleRate <= 0 || Channels <= 0 || BitsPerSample <= 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds((double)DataBytes / (SampleRate * Channels * (BitsPerSample / 8.0)));

    /// <summary>8 kHz mono 16-bit PCM: the native rate of a PCMU/PCMA call.</summary>
    public bool IsTelephony => FormatTag == Pcm && Channels == 1 && SampleRate == 8000 && BitsPerSample == 16;

    /// <summary>Reads the RIFF/WAVE header chunks up to "data"; null when <paramref name="file"/> is not a WAV file.</summary>
    public static WavFormat? Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return null;
        }

        int position = 12;
        (int Tag, int Channels, int Rate, int Bits)? format = null;
        while (position + 8 <= file.Length)
        {
            ReadOnlySpan<byte> id = file.Slice(position, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            int body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > file.Length)
                {
                    return null;
                }

                format = (
                    BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2)),
                    BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2)),
                    (int)BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(body + 4, 4)),
                    BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 14, 2)));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not { } f)
                {
                    return null;
                }

                // A streamed WAV may say 0 or 0xFFFFFFFF: what is there is what counts.
                long available = file.Length - body;
                long data = size == 0 || size > available ? available : size;
                return new WavFormat(f.Tag, f.Channels, f.Rate, f.Bits, data);
            }

            position = checked((int)Math.Min(int.MaxValue, body + size + (size & 1)));
        }

        return null;
    }
}
