using IvrController.Esl.Messages;
using IvrController.FakeSwitch;
using Xunit;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>The channel FlowSwitch plays: recorded channel data with the test's overrides, and variables that change.</summary>
public sealed class ChannelStateTests
{
    [Fact]
    public async Task A_variable_the_flow_sets_is_in_every_later_event_and_unset_or_an_empty_value_removes_it()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg();

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            string? before = session.ChannelData.GetVariable("ivr_call_id");
            ApplicationResult set = await session.SetVariableAsync("ivr_call_id", "call-42", ct);
            ApplicationResult later = await session.ExecuteAsync("log", "INFO routed", ct);
            await session.UnsetVariableAsync("ivr_call_id", ct);
            ApplicationResult afterUnset = await session.ExecuteAsync("log", "INFO unset", ct);
            await session.SetVariableAsync("ivr_note", "x", ct);
            await session.SetVariableAsync("ivr_note", string.Empty, ct);
            ApplicationResult afterEmpty = await session.ExecuteAsync("log", "INFO emptied", ct);
            return (before, Set: set.GetVariable("ivr_call_id"), Later: later.GetVariable("ivr_call_id"), App: later.GetVariable("current_application"),
                Unset: afterUnset.GetVariable("ivr_call_id"), Empty: afterEmpty.GetVariable("ivr_note"), later.Response);
        });

        Assert.Equal((null, "call-42", "call-42", "log", null, null, null), result);
        Assert.False(flowSwitch.Variables.ContainsKey("ivr_call_id"));
        Assert.Equal("INFO emptied", flowSwitch.Variables["current_application_data"]);
    }

    [Fact]
    public async Task Overrides_change_the_channel_data_and_every_event_of_the_channel()
    {
        const string uuid = "5f0c2a8e-1111-4c7e-9d41-0123456789ab";
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .WithUniqueId(uuid)
            .WithCallerIdNumber("1002")
            .WithAuthenticatedUser("1002")
            .WithDestinationNumber("C20240001")
            .WithContext("agents-vip")
            .WithVariable("ivr_campaign", "renewals");

        var result = await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            ChannelData data = session.ChannelData;
            ApplicationResult completion = await session.ExecuteAsync("log", "INFO hello", ct);
            return (data.UniqueId, data.CallerIdNumber, data.Username, Auth: data.GetVariable("sip_auth_username"), data.DestinationNumber, data.Context,
                Campaign: data.GetVariable("ivr_campaign"),
                EventUuid: completion.GetHeader("Unique-ID"), EventCaller: completion.GetHeader("Caller-Caller-ID-Number"),
                EventContext: completion.GetHeader("Caller-Context"), EventCampaign: completion.GetVariable("ivr_campaign"));
        });

        Assert.Equal((uuid, "1002", "1002", "1002", "C20240001", "agents-vip", "renewals", uuid, "1002", "agents-vip", "renewals"), result);

        // The channel data carries the caller profile twice (Caller-X and Channel-X): both say the same.
        RecordedEvent connectReply = RecordedEvent.Parse("sent", flowSwitch.Sent[0].Text);
        Assert.Equal("1002", connectReply.Header("Channel-Caller-ID-Number"));
        Assert.Equal("C20240001", connectReply.Header("Channel-Destination-Number"));
        Assert.DoesNotContain(connectReply.Headers, h => h.Value.Contains(RecordedCall.Load(RecordedCall.AgentCall).UniqueId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RecordedCall.AgentCall, Party.Agent)]
    [InlineData(RecordedCall.CallbackAnswered, Party.Customer)]
    [InlineData(RecordedCall.SurveyHandBack, Party.Customer)]
    public async Task Without_overrides_the_reply_to_connect_is_the_recorded_channel_data_with_a_new_uuid(string capture, Party thisLeg)
    {
        FlowSwitch flowSwitch = FlowSwitch.FromCapture(capture, thisLeg);
        await FlowCall.RunAsync(flowSwitch, (_, _) => Task.CompletedTask);

        RecordedEvent recorded = RecordedCall.Load(capture).ChannelData;
        RecordedEvent sent = RecordedEvent.Parse("sent", flowSwitch.Sent[0].Text);
        Assert.Equal(recorded.Headers.Select(h => h.Key), sent.Headers.Select(h => h.Key));
        foreach (((string name, string was), (_, string now)) in recorded.Headers.Zip(sent.Headers))
        {
            if (!name.StartsWith("Event-Date-", StringComparison.Ordinal) && name != "Event-Sequence")
            {
                Assert.Equal(was.Replace(RecordedCall.Load(capture).UniqueId, flowSwitch.UniqueId, StringComparison.Ordinal), now);
            }
        }
    }

    [Fact]
    public async Task Several_variables_go_in_one_multiset_and_a_value_with_a_space_picks_another_separator()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg();

        await FlowCall.RunAsync(flowSwitch, async (session, ct) =>
        {
            await session.SetVariablesAsync([new("a", "1"), new("b", "two words")], ct);
            await session.SetVariablesAsync([new("c", "3")], ct);
        });

        Assert.Equal([("multiset", "^^|a=1|b=two words"), ("set", "c=3")], flowSwitch.Executed);
        Assert.Equal(("1", "two words", "3"), (flowSwitch.Variables["a"], flowSwitch.Variables["b"], flowSwitch.Variables["c"]));
    }
}
