using IvrController.Presence;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Presence;

public sealed class PresenceStatusTableTests
{
    private static string Render(PresenceSnapshot snapshot)
    {
        using var output = new StringWriter { NewLine = "\n" };
        PresenceStatusTable.Write(snapshot, output);
        return output.ToString();
    }

    [Fact]
    public void The_table_lists_each_agent_with_registration_call_and_availability()
    {
        var presence = new AgentPresence(new FakeTimeProvider(PresenceFixtures.SwitchNow));
        new PresenceReconciler(new PresenceOptions { ExpiryGrace = TimeSpan.Zero })
            .Reconcile(PresenceFixtures.Api("show-registrations.json"), PresenceFixtures.Api("show-channels.json"), presence);
        presence.Register(new AgentRegistration("1005", "c5", PresenceFixtures.SwitchNow.AddMinutes(10)), replaceOtherContacts: true);

        string table = Render(presence.Snapshot());

        Assert.Equal(
            """
            AGENT  REGISTERED  UNTIL (UTC)  ON A CALL          AVAILABLE
            1001   1 contact   00:21:00     1 leg              no
            1002   1 contact   23:51:00     1 leg (1 ringing)  no
            1005   1 contact   23:30:00     no                 yes
            In step with the switch since 2026-11-23 23:20:00 UTC.

            """,
            table);
        Assert.DoesNotContain("138", table, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_state_out_of_step_with_the_switch_says_both()
    {
        var presence = new AgentPresence(new FakeTimeProvider(PresenceFixtures.SwitchNow));

        Assert.Equal(
            "No agent is registered or on a call.\nNOT in step with the switch (last rebuilt never): the event socket is down or the rebuild failed.\n",
            Render(presence.Snapshot()));
    }
}
