using System.Text;
using System.Text.Json;
using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;
using Xunit;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>The journal's line format, without a database.</summary>
public sealed class JournalCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<object, string> Records => new()
    {
        { new OutboundCallRecord(Guid.NewGuid(), "1001", "+8613912345678", null, "same_region", "city", "random among 2", At), "outbound_call" },
        { new OutboundCallEnd(Guid.NewGuid(), "NO_ANSWER", null, At), "outbound_call_end" },
        { new SurveyResultRecord(Guid.NewGuid(), 3, "rated", '#', "满意", 5, null, "+8613912345678", At, At.AddSeconds(3)), "survey_result" },
        { new MissedCallbackRecord("1001", "+8613912345678", "+862152810000", At), "missed_callback" },
        { new InboundCallRecord(Guid.NewGuid(), "+8613912345678", "+862152810000", "callback", "1001", null, "no_agent", At, At.AddSeconds(20)), "inbound_call" },
        { new OutboundCallRecord(Guid.NewGuid(), "1001", "+8613912345678", "+862152810000", "same_region", "city", "random among 2", At, SwitchName: "sw2"), "outbound_call" },
        { new InboundCallRecord(Guid.NewGuid(), "+8613912345678", "+862152810000", "ivr", null, null, "ended_in_menu", At, At.AddSeconds(9), SwitchName: "sw2"), "inbound_call" },
    };

    /// <summary>Lines as the build before switch names wrote them: a journal left over from it must still replay.</summary>
    public const string OutboundLineWithoutSwitch =
        """{"v":1,"type":"outbound_call","id":"0193a000-0000-7000-8000-000000000021","createdAt":"2026-11-30T10:00:00+00:00","record":{"callUuid":"0193a000-0000-7000-8000-000000000029","agentId":"1001","customerNumber":"+8613912345678","callerNumber":"+862152810000","rule":"same_region","tier":"city","reason":"r","startedAt":"2026-11-30T10:00:00+00:00","customerId":null}}""";

    public const string InboundLineWithoutSwitch =
        """{"v":1,"type":"inbound_call","id":"0193a000-0000-7000-8000-000000000022","createdAt":"2026-11-30T10:00:00+00:00","record":{"callUuid":"0193a000-0000-7000-8000-00000000002a","customerNumber":"+8613912345678","calledNumber":"+862152810000","route":"callback","rememberedAgent":"1001","agentId":"1001","outcome":"agent_answered","startedAt":"2026-11-30T10:00:00+00:00","endedAt":"2026-11-30T10:01:00+00:00"}}""";

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_record_type_reads_back_equal_from_one_tagged_versioned_line(object record, string type)
    {
        var entry = new JournalEntry(Guid.CreateVersion7(), At, record);

        byte[] line = JournalCodec.Encode(entry);

        Assert.Equal((byte)'\n', line[^1]);
        Assert.DoesNotContain((byte)'\n', line[..^1]);
        JsonElement json = JsonDocument.Parse(line).RootElement;
        Assert.Equal((1, type, entry.Id), (json.GetProperty("v").GetInt32(), json.GetProperty("type").GetString(), json.GetProperty("id").GetGuid()));
        Assert.True(JournalCodec.TryDecode(line.AsSpan(0, line.Length - 1), out JournalEntry? read, out string? problem), problem);
        Assert.Equal(record, read.Record);
        Assert.Equal((entry.Id, entry.CreatedAt, (DateTimeOffset?)null), (read.Id, read.CreatedAt, read.UnmatchedSince));
    }

    [Fact]
    public void A_waiting_end_keeps_the_time_it_started_waiting()
    {
        var entry = new JournalEntry(Guid.CreateVersion7(), At, new OutboundCallEnd(Guid.NewGuid(), "SUCCESS", At, At), unmatchedSince: At.AddMinutes(5));

        Assert.True(JournalCodec.TryDecode(JournalCodec.Encode(entry).AsSpan().TrimEnd((byte)'\n'), out JournalEntry? read, out _));

        Assert.Equal(At.AddMinutes(5), read.UnmatchedSince);
    }

    [Fact]
    public void A_switch_name_is_written_on_the_line_and_a_line_without_one_reads_as_an_unknown_switch()
    {
        var call = new OutboundCallRecord(Guid.NewGuid(), "1001", "+8613912345678", "+862152810000", "same_region", "city", "r", At, SwitchName: "sw2");

        JsonElement written = JsonDocument.Parse(JournalCodec.Encode(new JournalEntry(Guid.CreateVersion7(), At, call))).RootElement;

        Assert.Equal("sw2", written.GetProperty("record").GetProperty("switchName").GetString());
        Assert.True(JournalCodec.TryDecode(Encoding.UTF8.GetBytes(OutboundLineWithoutSwitch), out JournalEntry? outbound, out string? problem), problem);
        Assert.True(JournalCodec.TryDecode(Encoding.UTF8.GetBytes(InboundLineWithoutSwitch), out JournalEntry? inbound, out problem), problem);
        Assert.Null(Assert.IsType<OutboundCallRecord>(outbound.Record).SwitchName);
        InboundCallRecord inboundCall = Assert.IsType<InboundCallRecord>(inbound.Record);
        Assert.Equal("1001", inboundCall.AgentId);
        Assert.Null(inboundCall.SwitchName);
    }

    [Theory]
    [InlineData("""{"v":1,"type":"outbound_call","id":"0193a000-0000-7000-8000-000000000001","createdAt":"2026-11-30T10:00:00+00:00","record":{"callUuid":"0193a000-0000-7000-8000-000000000009","agentId":null,"customerNumber":"+8613912345678","callerNumber":null,"rule":null,"tier":null,"reason":null,"startedAt":"2026-11-30T10:00:00+00:00"}}""", "the outbound_call record does not read")]
    [InlineData("""{"v":1,"type":"missed_callback","id":"0193a000-0000-7000-8000-000000000001","createdAt":"2026-11-30T10:00:00+00:00","record":{"agentId":"1001"}}""", "the missed_callback record does not read")]
    [InlineData("""{"v":1,"type":"survey_result","id":"0193a000-0000-7000-8000-000000000001","createdAt":"2026-11-30T10:00:00+00:00"}""", "not a journal line")]
    [InlineData("""{"v":1,"type":"survey_result","id":"0193a000-0000-7000-8000-000000000001","createdAt":"2026-11-30T10:00:00+00:00","record":[]}""", "the survey_result line has no record object")]
    [InlineData("""{"v":1,"type":"outbound_ca""", "not a journal line")]
    public void A_line_that_does_not_fit_its_type_is_refused_with_the_reason(string line, string reason)
    {
        Assert.False(JournalCodec.TryDecode(Encoding.UTF8.GetBytes(line), out _, out string? problem));

        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
    }
}
