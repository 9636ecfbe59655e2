using IvrController.Esl.Framing;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Properties;

/// <summary>
/// Inputs afl-fuzz found (scripts/fuzz.sh; bench/README.md, Fuzzing), kept as it saved them in Fixtures/Fuzz.
/// The first byte steers, as in bench/IvrController.Fuzz's FrameTarget: its low 7 bits say where the stream is
/// cut into two reads (in 128ths), its high bit picks the tiny limits; the rest is what the switch sent. Each
/// must now read cleanly, and read the same whole and cut.
/// </summary>
public sealed class FuzzFindingTests
{
    private static readonly EslFrameLimits Tiny = new() { MaxHeaderBytes = 256, MaxBodyBytes = 2048, MaxHeaderCount = 16 };

    private static string FindingDirectory => Path.Combine(Capture.FixtureDirectory, "Fuzz");

    public static TheoryData<string> Findings => new(Directory.GetFiles(FindingDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_saved_fuzz_finding_reads_cleanly_whole_and_cut(string name)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FindingDirectory, name));
        byte control = input[0];
        byte[] stream = input[1..];
        EslFrameLimits limits = (control & 0x80) != 0 ? Tiny : ParserPropertyTests.Small;
        int cut = (int)((long)stream.Length * (control & 0x7f) / 128);

        Assert.True(ParserPropertyTests.ReadsCleanly(stream, limits));
        (List<string> whole, string? wholeEnd) = ParserPropertyTests.Outline(Segments.Of([stream]), limits);
        (List<string> split, string? splitEnd) = ParserPropertyTests.Outline(Segments.SplitAt(stream, cut), limits);
        Assert.Equal(whole, split);
        Assert.Equal(wholeEnd, splitEnd);
    }
}
