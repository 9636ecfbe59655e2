using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Presence;
using IvrController.Tests.Presence.Support;
using Xunit;

namespace IvrController.Tests.Presence;

/// <summary>Whose phone a leg is, decided on the events and rows the switch really sends.</summary>
public sealed class AgentLegIdentityTests
{
    private readonly AgentLegIdentity _identity = new(new PresenceOptions());

    [Theory]
    [InlineData("agent-call-channel-create.event")]
    [InlineData("agent-call-channel-answer.event")]
    [InlineData("agent-call-channel-hangup-complete.event")]
    public void A_leg_placed_by_the_agents_phone_is_the_authenticated_sip_user(string fixture)
    {
        using EslEvent e = PresenceFixtures.Event(fixture);
        Assert.Equal("1001", _identity.AgentOf(e));
    }

    [Fact]
    public void Without_the_auth_variable_the_caller_username_counts_only_in_the_agents_context()
    {
        string text = PresenceFixtures.WithHeader(PresenceFixtures.Text("agent-call-channel-create.event"), "variable_sip_auth_username", null);
        using (EslEvent inAgentsContext = PresenceFixtures.PlainEvent(text))
        {
            Assert.Equal("1001", _identity.AgentOf(inAgentsContext));
        }

        using EslEvent elsewhere = PresenceFixtures.PlainEvent(PresenceFixtures.WithHeader(text, "Caller-Context", "public"));
        Assert.Null(_identity.AgentOf(elsewhere));
    }

    [Fact]
    public void The_gateway_leg_of_an_agents_call_is_not_the_agents_although_it_carries_the_agents_caller_profile()
    {
        using EslEvent e = PresenceFixtures.Event("agent-call-gateway-leg-create.event");
        Assert.Equal("1001", e.GetHeader(HeaderNames.CallerUsername));
        Assert.Equal("agents", e.GetHeader(HeaderNames.CallerContext));
        Assert.Null(_identity.AgentOf(e));
    }

    [Theory]
    [InlineData("callback-customer-channel-answer.event")]
    [InlineData("callback-customer-channel-hangup-complete.event")]
    public void A_customer_leg_that_dialled_the_agent_is_not_the_agents_although_it_carries_dialed_user(string fixture)
    {
        using EslEvent e = PresenceFixtures.Event(fixture);
        Assert.Equal("1001", e.GetVariable("dialed_user"));
        Assert.Null(_identity.AgentOf(e));
    }

    [Theory]
    [InlineData("loopback-channel-create.event")]
    [InlineData("loopback-channel-hangup-complete.event")]
    public void A_loopback_leg_is_nobodys(string fixture)
    {
        using EslEvent e = PresenceFixtures.Event(fixture);
        Assert.Null(_identity.AgentOf(e));
    }

    [Fact]
    public void A_leg_to_the_agents_phone_is_the_user_of_its_presence_id()
    {
        using EslEvent e = PresenceFixtures.Event("callback-agent-leg-create.event");
        Assert.Equal("1001", _identity.AgentOf(e));
    }

    [Fact]
    public void A_leg_to_the_agents_phone_without_a_presence_id_falls_back_to_its_destination()
    {
        string text = PresenceFixtures.WithHeader(PresenceFixtures.Text("callback-agent-leg-create.event"), "variable_presence_id", null);
        using (EslEvent e = PresenceFixtures.PlainEvent(text))
        {
            Assert.Equal("1001", _identity.AgentOf(e));
        }

        // Its caller profile is the customer's: Caller-Username must not be read on legs to the phone.
        using EslEvent other = PresenceFixtures.PlainEvent(PresenceFixtures.WithHeader(text, "Caller-Destination-Number", "1002@127.0.0.1"));
        Assert.Equal("1002", _identity.AgentOf(other));
    }

    [Fact]
    public void Another_agents_profile_name_moves_the_whole_rule()
    {
        var identity = new AgentLegIdentity(new PresenceOptions { AgentProfile = "phones" });
        using EslEvent e = PresenceFixtures.Event("agent-call-channel-answer.event");
        Assert.Null(identity.AgentOf(e));
    }

    [Theory]
    [InlineData("inbound", "sofia/agents/1001@127.0.0.1", "", "13800138000", "1001")]
    [InlineData("outbound", "sofia/agents/1002@127.0.0.1:5072", "1002@127.0.0.1", "1002", "1002")]
    [InlineData("outbound", "sofia/agents/contact-x@127.0.0.1:5072", "1003@127.0.0.1", "1003", "1003")]
    [InlineData("outbound", "sofia/agents/1004@127.0.0.1:5072", "", "1004@127.0.0.1", "1004")]
    [InlineData("outbound", "sofia/carrier/13800138000", "", "13800138000", null)]
    [InlineData("inbound", "sofia/carrier/13800138000@127.0.0.1", "", "02152810000", null)]
    [InlineData("outbound", "loopback/9999-a", "", "9999", null)]
    public void Show_channels_rows_are_read_by_profile_direction_and_presence_id(string direction, string name, string presenceId, string destination, string? agent)
    {
        var row = new ChannelRow("u1", direction, name, presenceId, destination, "ACTIVE", 1795476096);
        Assert.Equal(agent, _identity.AgentOf(row));
    }
}
