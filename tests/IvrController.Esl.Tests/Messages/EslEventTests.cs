using System.Buffers;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Messages;

public sealed class EslEventTests
{
    private static EslEvent Parse(string wire) => EslEvent.FromFrame(WireFrame.Read(wire));

    private static string Plain(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\nContent-Type: text/event-plain\n\n{body}";

    private static string Json(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\nContent-Type: text/event-json\n\n{body}";

    [Fact]
    public void A_plain_event_body_keeps_its_blank_lines_because_its_length_is_declared()
    {
        using EslEvent e = Parse(Plain("Event-Name: BACKGROUND_JOB\nJob-UUID: j1\nContent-Length: 13\n\nline1\n\nline3\n"));
        Assert.Equal(EventNames.BackgroundJob, e.EventName);
        Assert.Equal("line1\n\nline3\n", e.Body);
    }

    [Fact]
    public void A_plain_event_without_a_body_has_none()
    {
        using EslEvent e = Parse(Plain("Event-Name: HEARTBEAT\nUp-Time: 0%20years\n\n"));
        Assert.Null(e.Body);
        Assert.Equal("0 years", e.GetHeader("up-time"));
    }

    [Theory]
    [InlineData(3, "this line has no colon", "no ':'")]
    [InlineData(40, "no colon here either", "no ':'")]
    [InlineData(40, ": value without a name", "empty name")]
    [InlineData(150, "a line without any colon at all, just long enough to span blocks", "no ':'")]
    public void A_malformed_line_deep_in_a_long_event_is_found(int lineNumber, string badLine, string reason)
    {
        // Long enough to be scanned 32 bytes at a time; colons in values must not be mistaken for the next line's.
        var lines = Enumerable.Range(0, 200).Select(i => $"Header-{i}: value%3A{i} with : colon").ToList();
        lines[lineNumber] = badLine;
        var error = Assert.Throws<EslProtocolException>(() => Parse(Plain("Event-Name: X\n" + string.Join("\n", lines) + "\n\n")));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_events_keep_every_header_and_value_exactly()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"H{i}:{new string(' ', i % 3)}v:{i}%20x").ToList();
        using EslEvent e = Parse(Plain("Event-Name: X\n" + string.Join("\n", lines) + "\n\n"));
        Assert.Equal(301, e.HeaderCount);
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal($"v:{i} x", e.GetHeader($"H{i}"));
        }
    }

    [Fact]
    public void A_plain_event_body_longer_than_the_frame_is_a_protocol_error()
    {
        var error = Assert.Throws<EslProtocolException>(() => Parse(Plain("Event-Name: X\nContent-Length: 50\n\nshort")));
        Assert.Contains("does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_events_unescape_values_and_carry_the_body_in_underscore_body()
    {
        using EslEvent e = Parse(Json("""{"Event-Name":"CUSTOM","Event-Subclass":"sofia::register","quote":"say \"hi\"\n","city":"\u4e0a\u6d77","raw":"上海","n":42,"list":["a","b"],"_body":"x\ny"}"""));
        Assert.Equal(EslEventFormat.Json, e.Format);
        Assert.Equal(EventNames.SofiaRegister, e.Subclass);
        Assert.Equal("say \"hi\"\n", e.GetHeader("quote"));
        Assert.Equal("上海", e.GetHeader("city"));
        Assert.Equal("上海", e.GetHeader("raw"));
        Assert.Equal("42", e.GetHeader("n"));
        Assert.Equal("""["a","b"]""", e.GetHeader("list"));
        Assert.Equal("x\ny", e.Body);
        Assert.False(e.HasHeader("_body"));
    }

    [Theory]
    [InlineData("""{"Event-Name":""")]
    [InlineData("""["not an object"]""")]
    [InlineData("""{"Event-Name":"X",}""")]
    [InlineData("not json at all")]
    public void Malformed_json_events_are_protocol_errors(string body) =>
        Assert.Throws<EslProtocolException>(() => Parse(Json(body)));

    [Fact]
    public void Xml_events_are_read_too()
    {
        using EslEvent e = Parse($"Content-Length: {Encoding.UTF8.GetByteCount(XmlEvent)}\nContent-Type: text/event-xml\n\n{XmlEvent}");
        Assert.Equal(EslEventFormat.Xml, e.Format);
        Assert.Equal(EventNames.BackgroundJob, e.EventName);
        Assert.Equal("a<b & c", e.GetHeader("Job-Command"));
        Assert.Equal("+OK done\n", e.Body);
    }

    private const string XmlEvent = "<event>\n  <headers>\n    <Event-Name>BACKGROUND_JOB</Event-Name>\n    <Job-Command>a&lt;b &amp; c</Job-Command>\n  </headers>\n  <body>+OK done\n</body>\n</event>";

    [Fact]
    public void Plain_and_json_forms_of_the_same_recorded_event_agree()
    {
        List<EslEvent> events = RecordedFrames.Events("inbound-api-bgapi-events");
        EslEvent plain = events.First(e => e.Format == EslEventFormat.Plain && e.EventName == EventNames.BackgroundJob);
        EslEvent json = events.First(e => e.Format == EslEventFormat.Json && e.EventName == EventNames.BackgroundJob);

        Assert.Equal("fd00::2", plain.GetHeader("FreeSWITCH-IPv6"));
        Assert.Equal(plain.GetHeader("FreeSWITCH-IPv6"), json.GetHeader("FreeSWITCH-IPv6"));
        Assert.Equal("status", plain.GetHeader(HeaderNames.JobCommand));
        Assert.Equal("status", json.GetHeader(HeaderNames.JobCommand));
        Assert.StartsWith("UP 0 years", plain.Body, StringComparison.Ordinal);
        Assert.StartsWith("UP 0 years", json.Body, StringComparison.Ordinal);
        Assert.EndsWith("Current Stack Size/Max 240K/8192K\n", json.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_are_the_variable_headers_and_lookups_do_not_need_the_prefix()
    {
        using EslEvent e = Parse(Plain("Event-Name: CHANNEL_EXECUTE_COMPLETE\nvariable_ivr_survey_digit: 1\nvariable_empty: \n\n"));
        Assert.Equal("1", e.GetVariable("ivr_survey_digit"));
        Assert.Equal(string.Empty, e.GetVariable("empty"));
        Assert.Null(e.GetVariable("missing"));
        Assert.True(e.HeaderEquals(HeaderNames.EventName, EventNames.ChannelExecuteComplete));
        Assert.False(e.HeaderEquals(HeaderNames.EventName, EventNames.ChannelExecute));
    }

    [Fact]
    public void A_disposed_event_refuses_to_be_read()
    {
        EslEvent e = Parse(Plain("Event-Name: HEARTBEAT\n\n"));
        e.Dispose();
        e.Dispose();
        Assert.Throws<ObjectDisposedException>(() => e.GetHeader(HeaderNames.EventName));
    }

    [Fact]
    public void Every_recorded_event_parses_and_has_a_name()
    {
        foreach (string capture in Capture.All)
        {
            foreach (EslEvent e in RecordedFrames.Events(capture))
            {
                Assert.False(string.IsNullOrEmpty(e.EventName), $"{capture}: event without Event-Name");
                Assert.True(e.HeaderCount > 5);
            }
        }
    }

    [Fact]
    public void A_json_value_with_bytes_that_are_not_utf8_beside_an_escape_reads_with_replacement_characters()
    {
        // Found by the parser properties (CsCheck seed 5ZkCDd6TPu81): the lookup threw InvalidOperationException.
        byte[] body = [.. "{\"Event-Name\":\"CUSTOM\",\"X-Note\":\"a\\n"u8, 0x90, .. "b\"}"u8];
        byte[] wire = [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\nContent-Type: text/event-json\n\n"), .. body];
        using EslEvent e = EslEvent.FromFrame(WireFrame.Read(wire));

        Assert.Equal("a\n\uFFFDb", e.GetHeader("X-Note"));
        Assert.Equal("CUSTOM", e.EventName);
    }

    [Fact]
    public void A_json_escape_of_half_a_surrogate_pair_reads_as_a_replacement_character()
    {
        // Found by afl-fuzz (Fixtures/Fuzz/json-lone-low-surrogate): the lookup threw InvalidOperationException.
        using EslEvent e = Parse(Json("""{"Event-Name":"CUSTOM","low":"x\udc00y","high":"\ud800","pair":"\ud83d\ude00","high-then-text":"\ud800\u0041"}"""));

        Assert.Equal("x\uFFFDy", e.GetHeader("low"));
        Assert.Equal("\uFFFD", e.GetHeader("high"));
        Assert.Equal("\U0001F600", e.GetHeader("pair"));
        Assert.Equal("\uFFFDA", e.GetHeader("high-then-text"));
        Assert.Equal("CUSTOM", e.EventName);
    }

    [Fact]
    public void A_json_body_that_is_not_a_string_reads_as_its_json_text()
    {
        // Its bytes were unescaped as if they were the inside of a string literal.
        using EslEvent obj = Parse(Json("""{"Event-Name":"CUSTOM","_body":{"a\"b":["\n",1]}}"""));
        using EslEvent number = Parse(Json("""{"Event-Name":"CUSTOM","_body":42}"""));

        Assert.Equal("""{"a\"b":["\n",1]}""", obj.Body);
        Assert.Equal("42", number.Body);
    }

    [Fact]
    public void An_xml_event_with_a_document_type_is_refused_before_any_entity_is_expanded()
    {
        // Six levels of ten references: 357 bytes that XElement.Parse expanded to a million characters (28 MB).
        var entities = new StringBuilder("<!ENTITY a0 \"aaaaaaaaaa\">");
        for (int level = 1; level <= 5; level++)
        {
            entities.Append($"<!ENTITY a{level} \"{string.Concat(Enumerable.Repeat($"&a{level - 1};", 10))}\">");
        }

        string xml = $"<!DOCTYPE event [{entities}]><event><headers><Event-Name>&a5;</Event-Name></headers></event>";
        long before = GC.GetAllocatedBytesForCurrentThread();

        var refused = Assert.Throws<EslProtocolException>(() => Parse($"Content-Length: {Encoding.UTF8.GetByteCount(xml)}\nContent-Type: text/event-xml\n\n{xml}"));

        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void A_json_name_with_an_escape_of_half_a_surrogate_pair_is_a_header_like_any_other()
    {
        // Found by afl-fuzz (Fixtures/Fuzz/json-name-with-a-lone-low-surrogate.bin): telling the name from
        // "_body" threw InvalidOperationException out of EslEvent.FromFrame.
        using EslEvent e = Parse(Json("""{"Event-Name":"CUSTOM","\udc00Core-UUID":"1","_bod\u0079":"the body"}"""));

        Assert.Equal(2, e.HeaderCount);
        Assert.Equal("the body", e.Body);
        Assert.Equal("CUSTOM", e.EventName);
    }
}
