using System.Buffers;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Messages;

public sealed class ChannelDataTests
{
    private const string ConnectReply =
        "Event-Name: CHANNEL_DATA\n" +
        "Content-Type: command/reply\n" +
        "Reply-Text: +OK\n" +
        "Unique-ID: 5d0f3a53-0b38-4a21-9b1e-31a1d1f2c7e4\n" +
        "Caller-Caller-ID-Name: %E5%BC%A0%E4%B8%89\n" +
        "Caller-Caller-ID-Number: 13800138000\n" +
        "Control: full\n" +
        "Socket-Mode: async\n" +
        "variable_ivr_entry: public\n" +
        "variable_sip_h_X-Note: a%20b%25c\n" +
        "variable_ivr_entry: survey\n" +
        "\n";

    [Fact]
    public void Values_are_decoded_when_asked_for_names_ignore_case_and_the_last_of_repeated_names_counts()
    {
        using EslFrame frame = WireFrame.Read(ConnectReply);
        ChannelData data = ChannelData.FromFrame(frame);

        Assert.Equal("5d0f3a53-0b38-4a21-9b1e-31a1d1f2c7e4", data.UniqueId);
        Assert.Equal("张三", data.CallerIdName);
        Assert.Equal("13800138000", data.GetHeader("caller-caller-id-number"));
        Assert.True(data.IsFullControl);
        Assert.True(data.IsAsync);
        Assert.Equal("a b%c", data.GetVariable("sip_h_x-note"));
        Assert.Equal("survey", data.GetVariable("ivr_entry"));
        Assert.Null(data.GetVariable("Event-Name"));
        Assert.Null(data.GetVariable("ivr_entr"));
        Assert.Null(data.GetHeader("Missing"));
        Assert.Equal(11, data.Headers.Count());
        Assert.Equal(new KeyValuePair<string, string>("Caller-Caller-ID-Name", "张三"), data.Headers.ElementAt(4));
    }

    [Fact]
    public void The_channel_data_outlives_its_frame_whose_pooled_buffer_goes_back_and_is_written_over()
    {
        EslFrame frame = WireFrame.Read(ConnectReply);
        ChannelData data = ChannelData.FromFrame(frame);
        frame.Dispose();

        // Whatever the pool hands out next may be the frame's old buffer: fill a few so that one of them is.
        var rented = Enumerable.Range(0, 8).Select(_ => ArrayPool<byte>.Shared.Rent(ConnectReply.Length)).ToList();
        rented.ForEach(buffer => buffer.AsSpan().Fill((byte)'x'));
        rented.ForEach(buffer => ArrayPool<byte>.Shared.Return(buffer));

        Assert.Equal("13800138000", data.CallerIdNumber);
        Assert.Equal("survey", data.GetVariable("ivr_entry"));
    }

    [Fact]
    public void The_recorded_connect_reply_gives_every_header_it_holds()
    {
        using EslFrame connectReply = RecordedFrames.Read(Capture.Load("outbound-agent-call-bridge"))[0];
        ChannelData data = ChannelData.FromFrame(connectReply);

        Assert.Equal(connectReply.EnumerateHeaders().ToList(), data.Headers.ToList());
        foreach ((string name, string value) in connectReply.EnumerateHeaders().DistinctBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            Assert.Equal(connectReply.EnumerateHeaders().Last(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value, data.GetHeader(name));
        }
    }
}
