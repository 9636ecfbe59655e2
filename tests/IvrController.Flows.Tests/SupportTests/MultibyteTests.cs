using System.Globalization;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.FakeSwitch;
using Xunit;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>Chinese text in channel data, variables, api bodies and multi-line arguments: lengths are bytes.</summary>
public sealed class MultibyteTests
{
    [Fact]
    public async Task Chinese_values_reach_the_flow_intact_and_every_frame_declares_its_length_in_bytes()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .WithCallerIdName("张三")
            .WithVariable("ivr_customer_note", "老客户，优先接通")
            .OnApi("show", _ => "坐席 1001 正在通话\n");

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            ApplicationResult set = await session.SetVariableAsync("ivr_survey_title", "满意度调查：请按 1 到 5", ct);
            ApiResponse api = await session.ApiAsync("show channels", ct);
            ApplicationResult logged = await session.ExecuteAsync("log", "INFO 第一行\n第二行", ct);
            return (session.ChannelData.CallerIdName, Note: session.ChannelData.GetVariable("ivr_customer_note"),
                Title: set.GetVariable("ivr_survey_title"), api.Body, Later: logged.GetVariable("ivr_survey_title"), Data: logged.GetHeader("Application-Data"));
        });

        Assert.Equal(
            ("张三", "老客户，优先接通", "满意度调查：请按 1 到 5", "坐席 1001 正在通话\n", "满意度调查：请按 1 到 5", "INFO 第一行\n第二行"),
            result);
        Assert.Equal("INFO 第一行\n第二行", flowSwitch.Executed[^1].Argument);
        foreach (SentFrame frame in flowSwitch.Sent)
        {
            string[] parts = frame.Text.Split("\n\n", 2);
            string? declared = parts[0].Split('\n').FirstOrDefault(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal));
            int expected = declared is null ? 0 : int.Parse(declared["Content-Length: ".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(expected, Encoding.UTF8.GetByteCount(parts[1]));
        }

        Assert.Contains(flowSwitch.Sent, f => f.ContentType == ContentTypes.ApiResponse && Encoding.UTF8.GetByteCount(f.Text) != f.Text.Length);
    }

    [Fact]
    public void Encoding_reproduces_every_recorded_header_value_byte_for_byte()
    {
        foreach (string capture in RecordedCall.All)
        {
            RecordedCall recorded = RecordedCall.Load(capture);
            foreach (RecordedEvent e in recorded.Events.Prepend(recorded.ChannelData))
            {
                foreach ((string name, string raw) in e.RawHeaders)
                {
                    string again = SwitchUrlEncoding.Encode(UrlDecoder.Decode(raw));
                    Assert.True(raw == again, $"{capture} {e.Name} {name}: recorded '{raw}', encoded '{again}'");
                }
            }
        }
    }

    [Theory]
    [InlineData("中文", "%E4%B8%AD%E6%96%87")]
    [InlineData("138****8000", "138****8000")]
    [InlineData("+OK\n", "%2BOK%0A")]
    [InlineData("a=b {x}[y]|z", "a%3Db%20%7Bx%7D%5By%5D%7Cz")]
    [InlineData("100%AB done", "100%AB%20done")]
    public void Values_are_encoded_as_the_switch_encodes_them(string value, string onTheWire) =>
        Assert.Equal(onTheWire, SwitchUrlEncoding.Encode(value));
}
