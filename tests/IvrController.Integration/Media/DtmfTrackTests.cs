using Xunit;

namespace IvrController.Integration.Media;

/// <summary>The survey's DTMF media, read back from the pcap bytes the generator writes.</summary>
public sealed class DtmfTrackTests
{
    private static readonly IReadOnlyList<CapturedPacket> Capture =
        PcapFile.Read(DtmfTrack.ToPcap(DtmfTrack.SurveyAnswer, DtmfTrack.SurveyAnswerLength));

    private static readonly (CapturedPacket Captured, RtpPacket Rtp)[] Packets =
        Capture.Select(c => (c, RtpPacket.Decode(c.Payload))).ToArray();

    [Fact]
    public void The_file_is_a_pcap_of_udp_datagrams_to_one_port_every_20_ms()
    {
        Assert.All(Capture, c => Assert.Equal((DtmfTrack.SourcePort, DtmfTrack.DestinationPort), (c.SourcePort, c.DestinationPort)));
        Assert.Equal(TimeSpan.Zero, Capture[0].At);
        Assert.All(Capture.Zip(Capture.Skip(1)), pair => Assert.Equal(TimeSpan.FromMilliseconds(20), pair.Second.At - pair.First.At));
        Assert.Equal(TimeSpan.FromMilliseconds(19_980), Capture[^1].At);
        Assert.Equal(1_000, Capture.Count);
    }

    [Fact]
    public void Each_press_is_telephone_event_1_on_payload_type_101_with_marker_growing_durations_and_three_end_packets()
    {
        var presses = Packets.Where(p => p.Rtp.PayloadType == 101).GroupBy(p => p.Rtp.Timestamp).ToArray();

        Assert.Equal(3, presses.Length);
        foreach (var press in presses)
        {
            TelephoneEvent[] events = press.Select(p => TelephoneEvent.Decode(p.Rtp.Payload)).ToArray();
            Assert.All(events, e => Assert.Equal((1, 10), (e.Event, e.Volume)));
            Assert.Equal([true, false, false, false, false, false, false, false, false, false], press.Select(p => p.Rtp.Marker).ToArray());
            Assert.Equal([160, 320, 480, 640, 800, 960, 1120, 1280, 1280, 1280], events.Select(e => (int)e.Duration).ToArray());
            Assert.Equal([false, false, false, false, false, false, false, true, true, true], events.Select(e => e.End).ToArray());
        }
    }

    [Fact]
    public void The_presses_start_at_6_10_and_16_seconds_and_their_timestamps_say_so()
    {
        var starts = Packets.Where(p => p.Rtp.PayloadType == 101 && p.Rtp.Marker).ToArray();

        Assert.Equal([6.0, 10.0, 16.0], starts.Select(p => Math.Round(p.Captured.At.TotalSeconds, 2)).ToArray());
        Assert.Equal([48_000u, 80_000u, 128_000u], starts.Select(p => p.Rtp.Timestamp).ToArray());
    }

    [Fact]
    public void Between_presses_the_phone_sends_pcmu_silence_on_the_same_clock()
    {
        var audio = Packets.Where(p => p.Rtp.PayloadType == 0).ToArray();

        Assert.All(audio, p => Assert.Equal(Enumerable.Repeat((byte)0xFF, 160), p.Rtp.Payload));
        Assert.All(audio, p => Assert.Equal((uint)(p.Captured.At.TotalMilliseconds * 8), p.Rtp.Timestamp));
        Assert.DoesNotContain(audio, p => p.Captured.At >= TimeSpan.FromSeconds(6) && p.Captured.At < TimeSpan.FromMilliseconds(6_200));
    }

    [Fact]
    public void One_stream_one_ssrc_and_sequence_numbers_without_gaps()
    {
        Assert.All(Packets, p => Assert.Equal(DtmfTrack.Ssrc, p.Rtp.Ssrc));
        Assert.Equal(Enumerable.Range(1, Packets.Length).Select(i => (ushort)i), Packets.Select(p => p.Rtp.Sequence));
    }

    [Fact]
    public void The_generator_writes_the_same_bytes_every_time()
    {
        Assert.Equal(
            DtmfTrack.ToPcap(DtmfTrack.SurveyAnswer, DtmfTrack.SurveyAnswerLength),
            DtmfTrack.ToPcap(DtmfTrack.SurveyAnswer, DtmfTrack.SurveyAnswerLength));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('D', 15)]
    public void Keys_map_to_rfc_4733_event_codes_and_back(char key, byte code)
    {
        Assert.Equal(code, TelephoneEvent.EventOf(key));
        Assert.Equal(key, TelephoneEvent.DigitOf(code));
    }

    [Fact]
    public void Overlapping_presses_are_refused()
    {
        DtmfPress[] presses = [new('1', TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(160)), new('2', TimeSpan.FromMilliseconds(1_100), TimeSpan.FromMilliseconds(160))];

        Assert.Throws<ArgumentException>(() => DtmfTrack.Packets(presses, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_truncated_record_is_refused_as_sipp_would()
    {
        byte[] file = DtmfTrack.ToPcap([new('1', TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(60))], TimeSpan.FromSeconds(1));
        // The first record's original length, one more than its captured length.
        file[24 + 12]++;

        Assert.Throws<FormatException>(() => PcapFile.Read(file));
    }
}
