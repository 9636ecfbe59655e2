namespace IvrController.Tests.Presence.Support;

/// <summary>What a presence tracker's connection asks the switch for, as the scripted switch expects it.</summary>
internal static class PresenceSubscription
{
    public const string Events = "event plain CHANNEL_CREATE CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE CUSTOM sofia::register sofia::unregister sofia::expire";
    public const string ChannelFilter = "filter variable_sofia_profile_name agents";
    public const string RegistrationFilter = "filter profile-name agents";

    private static readonly string EventsAccepted = FakeSwitchConnection.CommandReply("+OK event listener enabled plain");
    private static readonly string FilterAdded = FakeSwitchConnection.CommandReply("+OK filter added");

    /// <summary>The client, on connecting, sends again what was asked for so far: events, then filters.</summary>
    public static async Task ResentByTheClientAsync(FakeSwitchConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExpectAsync(Events, EventsAccepted, cancellationToken);
        await connection.ExpectAsync(ChannelFilter, FilterAdded, cancellationToken);
        await connection.ExpectAsync(RegistrationFilter, FilterAdded, cancellationToken);
    }

    /// <summary>The tracker, before each rebuild, asks again: filters, then events.</summary>
    public static async Task AskedByTheTrackerAsync(FakeSwitchConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExpectAsync(ChannelFilter, FilterAdded, cancellationToken);
        await connection.ExpectAsync(RegistrationFilter, FilterAdded, cancellationToken);
        await connection.ExpectAsync(Events, EventsAccepted, cancellationToken);
    }
}
