using IvrController.Esl.Messages;
using IvrController.Presence;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Presence;

public sealed class PresenceReconcilerTests
{
    private readonly FakeTimeProvider _time = new(PresenceFixtures.SwitchNow);
    private readonly AgentPresence _presence;
    private readonly PresenceReconciler _reconciler = new(new PresenceOptions { ExpiryGrace = TimeSpan.Zero });

    public PresenceReconcilerTests()
    {
        _presence = new AgentPresence(_time);
    }

    [Fact]
    public void The_switchs_tables_become_the_whole_state()
    {
        PresenceReconciliation result = _reconciler.Reconcile(PresenceFixtures.Api("show-registrations.json"), PresenceFixtures.Api("show-channels.json"), _presence);

        Assert.Equal(new PresenceReconciliation(RegisteredAgents: 2, AgentLegs: 2, AgentsOnCall: 2, OtherChannels: 3), result);
        Assert.True(_presence.IsSynchronized);

        AgentPresenceStatus caller = _presence.StatusOf("1001");
        Assert.True(caller.IsRegistered);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795479660), caller.RegisteredUntil);
        AgentLeg talking = Assert.Single(caller.Legs);
        Assert.Equal(new AgentLeg("66c1e541-ea20-4510-b0c7-fda3ad2de68c", "1001", AgentLegDirection.FromAgent, true, DateTimeOffset.FromUnixTimeSeconds(1795476096)), talking);

        AgentPresenceStatus called = _presence.StatusOf("1002");
        AgentLeg ringing = Assert.Single(called.Legs);
        Assert.Equal(("2aa6d3dc-9075-4335-adaf-607e92a6072c", AgentLegDirection.ToAgent, false), (ringing.ChannelUuid, ringing.Direction, ringing.Answered));
        Assert.False(_presence.IsAvailable("1001"));
        Assert.False(_presence.IsAvailable("1002"));

        // Registered on another profile (the carrier's): not an agent.
        Assert.False(_presence.IsRegistered("9001"));
        Assert.Equal(["1001", "1002"], _presence.Snapshot().Agents.Select(a => a.AgentId));
    }

    [Fact]
    public void Registrations_from_the_table_expire_at_their_absolute_time()
    {
        _reconciler.Reconcile(PresenceFixtures.Api("show-registrations.json"), PresenceFixtures.Api("show-empty.json"), _presence);
        Assert.True(_presence.IsAvailable("1002"));

        _time.Advance(TimeSpan.FromSeconds(1860));

        Assert.False(_presence.IsRegistered("1002"));
        Assert.True(_presence.IsAvailable("1001"));
    }

    [Fact]
    public void Empty_tables_in_the_switchs_own_words_clear_everything_we_held()
    {
        _presence.Register(new AgentRegistration("1001", "c1", _time.GetUtcNow().AddHours(1)), replaceOtherContacts: true);
        _presence.LegSeen(new AgentLeg("stale", "1001", AgentLegDirection.FromAgent, true, _time.GetUtcNow()));
        ApiResponse empty = PresenceFixtures.Api("show-empty.json");
        Assert.Equal("{\"row_count\": 0}\n", empty.Body);

        PresenceReconciliation result = _reconciler.Reconcile(empty, empty, _presence);

        Assert.Equal(new PresenceReconciliation(0, 0, 0, 0), result);
        Assert.Empty(_presence.Snapshot().Agents);
        Assert.True(_presence.IsSynchronized);
    }

    [Theory]
    [InlineData("-ERR show Command not found!\n", "refused")]
    [InlineData("+OK\n", "not answer with JSON")]
    [InlineData("[]", "without a row_count")]
    [InlineData("{\"row_count\":2}", "announced 2 rows but sent none")]
    [InlineData("{\"row_count\":1,\"rows\":{}}", "not a list")]
    [InlineData("{\"row_count\":1,\"rows\":[\"x\"]}", "not an object")]
    [InlineData("{\"row_count\":1,\"rows\":[{\"uuid\":\"a\"", "not answer with JSON")]
    public void An_answer_that_is_not_the_table_leaves_the_state_alone_and_says_why(string body, string reason)
    {
        _presence.Register(new AgentRegistration("1001", "c1", _time.GetUtcNow().AddHours(1)), replaceOtherContacts: true);

        var error = Assert.Throws<PresenceReconciliationException>(() =>
            _reconciler.Reconcile(PresenceFixtures.Api("show-registrations.json"), new ApiResponse(body), _presence));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(PresenceReconciler.ChannelsCommand, error.Message, StringComparison.Ordinal);
        Assert.True(_presence.IsRegistered("1001"));
        Assert.False(_presence.IsRegistered("1002"));
        Assert.False(_presence.IsSynchronized);
    }

    [Fact]
    public void An_error_never_quotes_the_channel_table_which_carries_customer_numbers()
    {
        string broken = PresenceFixtures.Text("show-channels.json").Replace("\"rows\":[", "\"rows\":[[", StringComparison.Ordinal);

        var error = Assert.Throws<PresenceReconciliationException>(() =>
            _reconciler.Reconcile(PresenceFixtures.Api("show-empty.json"), new ApiResponse(broken), _presence));

        Assert.DoesNotContain("13800138000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_rows_without_expiry_never_expire_and_rows_without_a_user_or_time_are_skipped()
    {
        var rows = new[]
        {
            new RegistrationRow("1001", "t1", "sofia/agents/sip:1001@127.0.0.1:5070", 0),
            new RegistrationRow("", "t2", "sofia/agents/sip:1002@127.0.0.1:5070", 1795479660),
            new RegistrationRow("1003", "t3", "sofia/agents/sip:1003@127.0.0.1:5070", -1),
            new RegistrationRow("1004", "", "sofia/AGENTS/sip:1004@127.0.0.1:5070", 1795479660),
        };

        IReadOnlyList<AgentRegistration> registrations = _reconciler.AgentRegistrations(rows);

        Assert.Equal(
            [new AgentRegistration("1001", "t1", DateTimeOffset.MaxValue), new AgentRegistration("1004", "sofia/AGENTS/sip:1004@127.0.0.1:5070", DateTimeOffset.FromUnixTimeSeconds(1795479660))],
            registrations);
    }

    [Fact]
    public void The_same_channel_listed_twice_is_one_leg()
    {
        var row = new ChannelRow("u1", "inbound", "sofia/agents/1001@127.0.0.1", "", "13800138000", "ACTIVE", 0);

        _presence.Replace([], _reconciler.AgentLegs([row, row with { CallState = "RINGING" }], _time.GetUtcNow()));

        AgentLeg leg = Assert.Single(_presence.StatusOf("1001").Legs);
        Assert.Equal(_time.GetUtcNow(), leg.Since);
    }
}
