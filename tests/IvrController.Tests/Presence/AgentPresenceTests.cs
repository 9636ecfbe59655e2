using IvrController.Presence;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Presence;

public sealed class AgentPresenceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 23, 20, 0, TimeSpan.Zero));

    private AgentRegistration Contact(string agentId, string callId, TimeSpan lifetime) => new(agentId, callId, _time.GetUtcNow() + lifetime);

    private AgentLeg Leg(string uuid, string agentId, bool answered = false) => new(uuid, agentId, AgentLegDirection.FromAgent, answered, _time.GetUtcNow());

    [Fact]
    public void An_agent_nobody_has_heard_of_is_neither_registered_nor_on_a_call_nor_available()
    {
        var presence = new AgentPresence(_time);
        Assert.False(presence.IsRegistered("1001"));
        Assert.False(presence.IsOnCall("1001"));
        Assert.False(presence.IsAvailable("1001"));
        Assert.Empty(presence.Snapshot().Agents);
    }

    [Fact]
    public void A_registration_counts_until_its_expiry_on_the_clock_and_not_a_tick_longer()
    {
        var presence = new AgentPresence(_time);
        Assert.True(presence.Register(Contact("1001", "c1", TimeSpan.FromMinutes(5)), replaceOtherContacts: true));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.True(presence.IsAvailable("1001"));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(presence.IsRegistered("1001"));
        Assert.False(presence.IsAvailable("1001"));
        Assert.Empty(presence.Snapshot().Agents);
    }

    [Fact]
    public void With_several_contacts_the_agent_stays_registered_while_any_of_them_is_unexpired()
    {
        var presence = new AgentPresence(_time);
        presence.Register(Contact("1001", "desk-phone", TimeSpan.FromMinutes(2)), replaceOtherContacts: false);
        Assert.False(presence.Register(Contact("1001", "softphone", TimeSpan.FromMinutes(10)), replaceOtherContacts: false));
        Assert.Equal(2, presence.StatusOf("1001").Contacts);

        _time.Advance(TimeSpan.FromMinutes(3));
        AgentPresenceStatus status = presence.StatusOf("1001");
        Assert.True(status.IsRegistered);
        Assert.Equal(1, status.Contacts);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(7), status.RegisteredUntil);

        Assert.True(presence.Unregister("1001", "softphone"));
        Assert.False(presence.IsRegistered("1001"));
    }

    [Fact]
    public void A_register_that_replaces_other_contacts_leaves_only_the_new_one()
    {
        var presence = new AgentPresence(_time);
        presence.Register(Contact("1001", "old", TimeSpan.FromHours(1)), replaceOtherContacts: true);
        presence.Register(Contact("1001", "new", TimeSpan.FromMinutes(1)), replaceOtherContacts: true);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(presence.IsRegistered("1001"));
    }

    [Fact]
    public void Unregistering_without_a_call_id_drops_every_contact_and_reports_the_loss_once()
    {
        var presence = new AgentPresence(_time);
        presence.Register(Contact("1001", "a", TimeSpan.FromHours(1)), replaceOtherContacts: false);
        presence.Register(Contact("1001", "b", TimeSpan.FromHours(1)), replaceOtherContacts: false);

        Assert.True(presence.Unregister("1001", null));
        Assert.False(presence.Unregister("1001", null));
        Assert.False(presence.IsRegistered("1001"));
    }

    [Fact]
    public void A_registered_agent_with_a_live_leg_is_on_a_call_and_not_available_until_the_leg_ends()
    {
        var presence = new AgentPresence(_time);
        presence.Register(Contact("1001", "c1", TimeSpan.FromHours(1)), replaceOtherContacts: true);
        presence.LegSeen(Leg("leg-1", "1001"));
        presence.LegSeen(Leg("leg-2", "1001"));

        Assert.True(presence.IsOnCall("1001"));
        Assert.False(presence.IsAvailable("1001"));

        Assert.Equal("1001", presence.LegEnded("leg-1")?.AgentId);
        Assert.False(presence.IsAvailable("1001"));
        presence.LegEnded("LEG-2");
        Assert.True(presence.IsAvailable("1001"));
        Assert.Null(presence.LegEnded("leg-2"));
    }

    [Fact]
    public void A_later_event_can_mark_a_leg_answered_but_never_give_it_to_another_agent()
    {
        var presence = new AgentPresence(_time);
        presence.LegSeen(Leg("leg-1", "1001"));

        AgentLeg recorded = presence.LegSeen(Leg("leg-1", "1002", answered: true));

        Assert.Equal("1001", recorded.AgentId);
        Assert.True(recorded.Answered);
        Assert.False(presence.IsOnCall("1002"));
        // A late CHANNEL_CREATE after the ANSWER does not make it ring again.
        Assert.True(presence.LegSeen(Leg("leg-1", "1001", answered: false)).Answered);
    }

    [Fact]
    public void Replace_swaps_the_whole_state_and_marks_it_in_step_with_the_switch()
    {
        var presence = new AgentPresence(_time);
        presence.Register(Contact("1001", "c1", TimeSpan.FromHours(1)), replaceOtherContacts: true);
        presence.LegSeen(Leg("stale-leg", "1001"));
        Assert.False(presence.IsSynchronized);

        presence.Replace([Contact("1002", "c2", TimeSpan.FromHours(1))], [Leg("live-leg", "1003", answered: true)]);

        Assert.True(presence.IsSynchronized);
        Assert.False(presence.IsRegistered("1001"));
        Assert.False(presence.IsOnCall("1001"));
        Assert.Null(presence.LegEnded("stale-leg"));
        Assert.True(presence.IsAvailable("1002"));
        Assert.True(presence.IsOnCall("1003"));
        PresenceSnapshot snapshot = presence.Snapshot();
        Assert.Equal(["1002", "1003"], snapshot.Agents.Select(a => a.AgentId));
        Assert.Equal(_time.GetUtcNow(), snapshot.SynchronizedAt);

        presence.MarkOutOfSync();
        Assert.False(presence.Snapshot().IsSynchronized);
        Assert.True(presence.IsAvailable("1002"));
    }

    [Fact]
    public void A_snapshot_is_a_copy_that_later_changes_do_not_touch()
    {
        var presence = new AgentPresence(_time);
        presence.LegSeen(Leg("leg-1", "1001"));
        PresenceSnapshot before = presence.Snapshot();

        presence.LegEnded("leg-1");

        Assert.True(before.For("1001").IsOnCall);
        Assert.False(presence.Snapshot().For("1001").IsOnCall);
        Assert.False(before.For("9999").IsRegistered);
    }

    [Fact]
    public async Task Readers_running_alongside_the_writer_never_see_half_a_replacement()
    {
        var presence = new AgentPresence(_time);
        AgentRegistration[] everyone = Enumerable.Range(0, 50).Select(i => Contact($"a{i}", "c", TimeSpan.FromHours(1))).ToArray();
        Task writer = Task.Run(() =>
        {
            for (int round = 0; round < 2000; round++)
            {
                presence.Replace(round % 2 == 0 ? everyone : [], []);
            }
        });

        var sizes = new HashSet<int>();
        while (!writer.IsCompleted)
        {
            sizes.Add(presence.Snapshot().Agents.Count);
        }

        await writer;
        Assert.Subset(new HashSet<int> { 0, 50 }, sizes);
    }
}
