using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Tests.Support;
using Xunit;

namespace IvrController.Esl.Tests.Framing;

/// <summary>The parser yields the same messages from the real switch's bytes however they are split.</summary>
public sealed class RecordedStreamTests
{
    public static TheoryData<string> Captures => new(Capture.All);

    [Theory]
    [MemberData(nameof(Captures))]
    public void Real_chunking_whole_stream_and_one_byte_segments_give_the_same_messages(string name)
    {
        Capture capture = Capture.Load(name);
        List<ParsedMessage> whole = ParsedMessage.ReadAll(Segments.Of([capture.SwitchStream]));

        Assert.NotEmpty(whole);
        Assert.Equal(whole, IncrementalParser.Parse(capture.FromSwitch));
        Assert.Equal(whole, ParsedMessage.ReadAll(Segments.Of(capture.FromSwitch)));
        Assert.Equal(whole, ParsedMessage.ReadAll(Segments.OneBytePerSegment(capture.SwitchStream)));
    }

    [Theory]
    [InlineData("inbound-bad-password")]
    [InlineData("inbound-api-bgapi-events")]
    [InlineData("outbound-survey-after-agent-hangup")]
    public void Every_byte_boundary_gives_the_same_messages(string name)
    {
        byte[] stream = Capture.Load(name).SwitchStream;
        List<ParsedMessage> expected = ParsedMessage.ReadAll(Segments.Of([stream]));

        for (int cut = 1; cut < stream.Length; cut++)
        {
            List<ParsedMessage> split = IncrementalParser.Parse([stream[..cut], stream[cut..]]);
            Assert.True(expected.SequenceEqual(split), $"split at byte {cut} of {stream.Length} changed the messages");
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Thousands_of_random_splits_give_the_same_messages(string name)
    {
        byte[] stream = Capture.Load(name).SwitchStream;
        List<ParsedMessage> expected = ParsedMessage.ReadAll(Segments.Of([stream]));

        for (int seed = 0; seed < 1500; seed++)
        {
            var chunks = IncrementalParser.RandomChunks(stream, new Random(seed), maxCuts: 40);
            Assert.True(expected.SequenceEqual(IncrementalParser.Parse(chunks)), $"random split with seed {seed} changed the messages");
        }
    }

    [Fact]
    public void The_inbound_capture_holds_every_reply_and_event_kind_in_order()
    {
        List<ParsedMessage> messages = ParsedMessage.ReadAll(Segments.Of([Capture.Load("inbound-api-bgapi-events").SwitchStream]));

        Assert.Equal(ContentTypes.AuthRequest, messages[0].ContentType);
        Assert.Contains("Reply-Text=+OK accepted", messages[1].Headers, StringComparison.Ordinal);
        Assert.Contains(messages, m => m.ContentType == ContentTypes.ApiResponse && m.Body == "error/user_not_registered");
        Assert.Contains(messages, m => m.ContentType == ContentTypes.ApiResponse && m.Body == "-ERR nosuchcommand Command not found!\n");
        Assert.Contains(messages, m => m.ContentType == ContentTypes.EventPlain && m.EventHeaders!.Contains("Event-Name=BACKGROUND_JOB", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.ContentType == ContentTypes.EventJson && m.EventHeaders!.Contains("Event-Name=API", StringComparison.Ordinal));
        Assert.Equal(ContentTypes.DisconnectNotice, messages[^1].ContentType);
        Assert.Equal("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", messages[^1].Body);
    }
}
