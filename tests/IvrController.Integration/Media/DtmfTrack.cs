namespace IvrController.Integration.Media;

/// <summary>
/// The RTP a phone sends while its user presses keys: 20 ms PCMU silence packets, and for each
/// press RFC 4733 telephone-event packets instead (one per 20 ms; the first with the marker bit;
/// all with the event's start timestamp and the duration so far; the last sent three times with
/// the end bit), on one SSRC with one sequence, as sipp's <c>play_pcap_audio</c> replays it.
/// </summary>
public static class DtmfTrack
{
    /// <summary>The payload types of freeswitch-conf: PCMU and telephone-event (rfc2833-pt 101).</summary>
    public const byte Pcmu = 0;
    public const byte TelephoneEventType = 101;

    public const int SamplesPerMillisecond = 8;
    public const byte Volume = 10;
    public const uint Ssrc = 0x1C0FFEE1;

    /// <summary>The UDP ports of the capture; sipp rewrites them to the call's media ports.</summary>
    public const ushort SourcePort = 40000;
    public const ushort DestinationPort = 40002;

    public static readonly TimeSpan PacketInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How many times the final packet of an event is sent (RFC 4733, 2.5.1.4).</summary>
    public const int EndPacketCopies = 3;

    /// <summary>
    /// The survey answer of the acceptance suite, played by the PSTN side from its ACK: "1" at 6 s,
    /// 10 s and 16 s. The agent hangs up 3 s after answering, so the first press lands in the
    /// survey's guide prompt; the later ones are there in case a press is lost, and are not sent
    /// once the switch has hung up (sipp stops the media with the call).
    /// </summary>
    public static IReadOnlyList<DtmfPress> SurveyAnswer { get; } =
    [
        new('1', TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(160)),
        new('1', TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(160)),
        new('1', TimeSpan.FromSeconds(16), TimeSpan.FromMilliseconds(160)),
    ];

    public static readonly TimeSpan SurveyAnswerLength = TimeSpan.FromSeconds(20);

    /// <summary>The file the PSTN-side scenario plays (Scenarios/pstn-answers-then-rates-1.xml).</summary>
    public const string SurveyAnswerFile = "survey-digit-1.pcap";

    /// <summary>The RTP packets of <paramref name="presses"/> over <paramref name="length"/> of media.</summary>
    public static IReadOnlyList<(TimeSpan At, RtpPacket Packet)> Packets(IReadOnlyList<DtmfPress> presses, TimeSpan length)
    {
        Validate(presses, length);
        var packets = new List<(TimeSpan, RtpPacket)>();
        ushort sequence = 1;
        var silence = new byte[160];
        Array.Fill(silence, (byte)0xFF);
        int pressIndex = 0;
        int ticks = (int)(length / PacketInterval);
        for (int tick = 0; tick < ticks; tick++)
        {
            TimeSpan at = tick * PacketInterval;
            DtmfPress? press = pressIndex < presses.Count ? presses[pressIndex] : null;
            if (press is null || at < press.At)
            {
                packets.Add((at, new RtpPacket(Pcmu, false, sequence++, Timestamp(at), Ssrc, silence)));
                continue;
            }

            // One packet per interval in place of the silence: updates while the key is down, each
            // with the duration up to the end of its interval, then the final packet three times.
            uint start = Timestamp(press.At);
            int updates = (int)(press.Length / PacketInterval);
            byte code = TelephoneEvent.EventOf(press.Digit);
            for (int i = 1; i <= updates + EndPacketCopies - 1; i++)
            {
                bool end = i >= updates;
                var payload = new TelephoneEvent(code, end, Volume, (ushort)(Math.Min(i, updates) * PacketInterval.TotalMilliseconds * SamplesPerMillisecond));
                packets.Add((press.At + ((i - 1) * PacketInterval), new RtpPacket(TelephoneEventType, i == 1, sequence++, start, Ssrc, payload.Encode())));
            }

            tick += updates + EndPacketCopies - 2;
            pressIndex++;
        }

        return packets;
    }

    public static byte[] ToPcap(IReadOnlyList<DtmfPress> presses, TimeSpan length) =>
        PcapFile.Write(Packets(presses, length).Select(p => new CapturedPacket(p.At, SourcePort, DestinationPort, p.Packet.Encode())));

    /// <summary>Writes the survey answer next to the scenarios (sipp looks for pcap files there); returns its path.</summary>
    public static string WriteSurveyAnswer(string scenarioDirectory)
    {
        string path = Path.Combine(scenarioDirectory, SurveyAnswerFile);
        byte[] bytes = ToPcap(SurveyAnswer, SurveyAnswerLength);
        // Test classes run in parallel: write a private copy and move it into place in one step.
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static uint Timestamp(TimeSpan at) => (uint)(at.TotalMilliseconds * SamplesPerMillisecond);

    private static void Validate(IReadOnlyList<DtmfPress> presses, TimeSpan length)
    {
        TimeSpan free = TimeSpan.Zero;
        foreach (DtmfPress press in presses)
        {
            _ = TelephoneEvent.EventOf(press.Digit);
            if (press.At < free || press.At.Ticks % PacketInterval.Ticks != 0 || press.Length < PacketInterval || press.Length.Ticks % PacketInterval.Ticks != 0)
            {
                throw new ArgumentException($"press '{press.Digit}' at {press.At} must start on a 20 ms boundary after the previous one ends and last a multiple of 20 ms", nameof(presses));
            }

            free = press.At + press.Length + ((EndPacketCopies - 1) * PacketInterval);
        }

        if (free > length)
        {
            throw new ArgumentException("the last press does not end within the media", nameof(length));
        }
    }
}
