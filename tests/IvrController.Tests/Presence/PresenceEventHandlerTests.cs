using IvrController.Esl.Messages;
using IvrController.Presence;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Presence;

public sealed class PresenceEventHandlerTests
{
    private readonly FakeTimeProvider _time = new(PresenceFixtures.SwitchNow);
    private readonly AgentPresence _presence;
    private PresenceEventHandler _handler = new(new PresenceOptions());

    public PresenceEventHandlerTests()
    {
        _presence = new AgentPresence(_time);
    }

    private PresenceChange Apply(string fixture)
    {
        using EslEvent e = PresenceFixtures.Event(fixture);
        return _handler.Apply(e, _presence);
    }

    private PresenceChange ApplyText(string text)
    {
        using EslEvent e = PresenceFixtures.PlainEvent(text);
        return _handler.Apply(e, _presence);
    }

    [Fact]
    public void The_agents_own_call_makes_it_busy_from_create_to_hangup_complete()
    {
        _presence.Register(new AgentRegistration("1001", "c1", _time.GetUtcNow().AddHours(1)), replaceOtherContacts: true);

        Assert.Equal(new PresenceChange(PresenceChangeKind.LegStarted, "1001", "66c1e541-ea20-4510-b0c7-fda3ad2de68c", true), Apply("agent-call-channel-create.event"));
        Assert.False(_presence.IsAvailable("1001"));
        AgentLeg ringing = Assert.Single(_presence.StatusOf("1001").Legs);
        Assert.Equal(AgentLegDirection.FromAgent, ringing.Direction);
        Assert.False(ringing.Answered);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795476096019), ringing.Since);

        Assert.Equal(new PresenceChange(PresenceChangeKind.LegAnswered, "1001", "66c1e541-ea20-4510-b0c7-fda3ad2de68c", false), Apply("agent-call-channel-answer.event"));
        Assert.True(Assert.Single(_presence.StatusOf("1001").Legs).Answered);

        Assert.Equal(new PresenceChange(PresenceChangeKind.LegEnded, "1001", "66c1e541-ea20-4510-b0c7-fda3ad2de68c", true), Apply("agent-call-channel-hangup-complete.event"));
        Assert.True(_presence.IsAvailable("1001"));
    }

    [Fact]
    public void An_answer_seen_without_its_create_still_marks_the_agent_busy()
    {
        PresenceChange change = Apply("agent-call-channel-answer.event");

        Assert.Equal(PresenceChangeKind.LegAnswered, change.Kind);
        Assert.True(_presence.IsOnCall("1001"));
    }

    [Fact]
    public void A_callback_ringing_the_agents_phone_makes_it_busy_and_the_customers_legs_change_nothing()
    {
        Assert.Equal(PresenceChangeKind.None, Apply("callback-customer-channel-answer.event").Kind);
        Assert.Equal(PresenceChangeKind.LegStarted, Apply("callback-agent-leg-create.event").Kind);
        AgentLeg leg = Assert.Single(_presence.StatusOf("1001").Legs);
        Assert.Equal(AgentLegDirection.ToAgent, leg.Direction);

        // The customer hangs up first: its leg carries dialed_user 1001 but is not the agent's.
        Assert.Equal(PresenceChange.None, Apply("callback-customer-channel-hangup-complete.event"));
        Assert.True(_presence.IsOnCall("1001"));
    }

    [Fact]
    public void The_gateway_leg_of_an_agents_call_does_not_keep_the_agent_busy_after_the_agent_hangs_up()
    {
        Apply("agent-call-channel-create.event");
        Assert.Equal(PresenceChange.None, Apply("agent-call-gateway-leg-create.event"));

        Apply("agent-call-channel-hangup-complete.event");

        Assert.False(_presence.IsOnCall("1001"));
    }

    [Fact]
    public void Loopback_calls_are_ignored()
    {
        Assert.Equal(PresenceChange.None, Apply("loopback-channel-create.event"));
        Assert.Equal(PresenceChange.None, Apply("loopback-channel-hangup-complete.event"));
        Assert.Empty(_presence.Snapshot().Agents);
    }

    [Fact]
    public void A_register_makes_the_agent_available_for_its_expires_plus_the_grace()
    {
        _handler = new PresenceEventHandler(new PresenceOptions { ExpiryGrace = TimeSpan.FromSeconds(30) });

        Assert.Equal(new PresenceChange(PresenceChangeKind.Registered, "1001", null, true), Apply("sofia-register.event"));
        Assert.True(_presence.IsAvailable("1001"));
        Assert.Equal(_time.GetUtcNow().AddSeconds(3630), _presence.StatusOf("1001").RegisteredUntil);

        _time.Advance(TimeSpan.FromSeconds(3629));
        Assert.True(_presence.IsRegistered("1001"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void A_refreshing_register_extends_the_registration_without_reporting_a_new_one()
    {
        Apply("sofia-register.event");
        _time.Advance(TimeSpan.FromMinutes(50));

        Assert.Equal(new PresenceChange(PresenceChangeKind.Registered, "1001", null, false), Apply("sofia-register.event"));

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.True(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void An_unregister_ends_the_registration()
    {
        Apply("sofia-register.event");

        Assert.Equal(new PresenceChange(PresenceChangeKind.Unregistered, "1001", null, true), Apply("sofia-unregister.event"));
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void An_expire_drops_the_registration_with_that_call_id()
    {
        Apply("sofia-register.event");

        Assert.Equal(new PresenceChange(PresenceChangeKind.Expired, "1001", null, true), Apply("sofia-expire.event"));
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void Without_multiple_registrations_a_second_phone_replaces_the_first_and_an_unregister_drops_both()
    {
        string register = PresenceFixtures.Text("sofia-register.event");
        Apply("sofia-register.event");
        ApplyText(PresenceFixtures.WithHeader(register, "call-id", "second-phone"));
        Assert.Equal(1, _presence.StatusOf("1001").Contacts);

        Apply("sofia-unregister.event");
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void With_multiple_registrations_each_phone_counts_until_its_own_unregister()
    {
        _handler = new PresenceEventHandler(new PresenceOptions { MultipleRegistrations = true });
        string register = PresenceFixtures.Text("sofia-register.event");
        Apply("sofia-register.event");
        ApplyText(PresenceFixtures.WithHeader(register, "call-id", "second-phone"));
        Assert.Equal(2, _presence.StatusOf("1001").Contacts);

        Assert.Equal(new PresenceChange(PresenceChangeKind.Unregistered, "1001", null, false), Apply("sofia-unregister.event"));
        Assert.True(_presence.IsRegistered("1001"));

        string expire = PresenceFixtures.Text("sofia-expire.event");
        Assert.True(ApplyText(PresenceFixtures.WithHeader(expire, "call-id", "second-phone")).AvailabilityChanged);
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Theory]
    [InlineData("profile-name", "carrier")]
    [InlineData("Event-Subclass", "sofia%3A%3Apre_register")]
    [InlineData("expires", "not-a-number")]
    [InlineData("from-user", "_undef_")]
    public void Registration_events_of_another_profile_or_kind_or_without_what_we_need_change_nothing(string header, string value)
    {
        string text = PresenceFixtures.WithHeader(PresenceFixtures.Text("sofia-register.event"), header, value);

        Assert.Equal(PresenceChange.None, ApplyText(text));
        Assert.False(_presence.IsRegistered("1001"));
    }

    [Fact]
    public void Events_presence_does_not_follow_change_nothing()
    {
        string heartbeat = "Event-Name: HEARTBEAT\nUp-Time: 0%20years\n\n";
        Assert.Equal(PresenceChange.None, ApplyText(heartbeat));
        Assert.Equal(PresenceChange.None, ApplyText("Event-Name: CUSTOM\nEvent-Subclass: conference%3A%3Amaintenance\n\n"));
    }
}
