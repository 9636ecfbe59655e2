using Xunit;

namespace IvrController.Integration.Sipp;

public sealed class SipMessageLogTests
{
    // The shape sipp 3.6 writes with -trace_msg (lines end in CRLF inside messages).
    private const string Log =
        "----------------------------------------------- 2026-11-30 01:05:56.047064\n" +
        "UDP message sent (300 bytes):\n\n" +
        "INVITE sip:13800138000@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n" +
        "From: \"Agent 1001\" <sip:1001@127.0.0.1>;tag=1\r\n" +
        "To: <sip:13800138000@127.0.0.1>\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Content-Length: 0\r\n\r\n\n" +
        "----------------------------------------------- 2026-11-30 01:05:56.047349\n" +
        "UDP message received [321] bytes :\n\n" +
        "SIP/2.0 180 Ringing\r\n" +
        "f: \"Agent 1001\" <sip:1001@127.0.0.1>;tag=1\r\n" +
        "Remote-Party-ID: \"138****8000\"\r\n" +
        " <sip:138****8000@127.0.0.1>;party=calling\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Content-Type: application/sdp\r\n\r\n" +
        "v=0\r\n" +
        "m=audio 16384 RTP/AVP 0 101\r\n\n";

    [Fact]
    public void Messages_are_read_with_their_direction_in_order()
    {
        IReadOnlyList<SipMessage> messages = SipMessageLog.Parse(Log);

        Assert.Equal(2, messages.Count);
        Assert.False(messages[0].Received);
        Assert.Equal("INVITE", messages[0].Method);
        Assert.True(messages[1].Received);
        Assert.Equal(180, messages[1].StatusCode);
        Assert.Equal("INVITE", messages[1].CSeqMethod);
    }

    [Fact]
    public void Headers_are_found_by_full_or_compact_name_and_folded_lines_are_joined()
    {
        SipMessage ringing = SipMessageLog.Parse(Log)[1];

        Assert.Equal("\"Agent 1001\" <sip:1001@127.0.0.1>;tag=1", ringing.Header("From"));
        Assert.Equal("\"138****8000\" <sip:138****8000@127.0.0.1>;party=calling", ringing.Header("remote-party-id"));
        Assert.Null(ringing.Header("v"));
        Assert.EndsWith("m=audio 16384 RTP/AVP 0 101", ringing.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"02152810000\" <sip:02152810000@127.0.0.1>;tag=x", "02152810000", "02152810000")]
    [InlineData("<sip:138****8000@127.0.0.1:5060;transport=udp>", "138****8000", null)]
    [InlineData("sip:1001@127.0.0.1", "1001", null)]
    [InlineData("Agent <tel:13800138000>", "13800138000", "Agent")]
    public void User_and_display_name_come_out_of_a_name_address(string header, string user, string? display)
    {
        Assert.Equal(user, SipMessage.UserOf(header));
        Assert.Equal(display, SipMessage.DisplayNameOf(header));
    }
}
