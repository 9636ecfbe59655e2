using IvrController.Esl.Messages;

namespace IvrController.Presence;

/// <summary>
/// Rebuilds presence from the switch's own tables (<c>show registrations as json</c> and
/// <c>show channels as json</c>), at start-up and after every reconnect, when events may have
/// been missed. Pure: it parses the two answers and swaps the state in one step.
/// </summary>
public sealed class PresenceReconciler
{
    public const string RegistrationsCommand = "show registrations as json";
    public const string ChannelsCommand = "show channels as json";

    // Leaves room for the grace; anything later is "does not expire" for our purposes.
    private static readonly long LastUnixSecond = DateTimeOffset.MaxValue.AddYears(-1).ToUnixTimeSeconds();

    private readonly PresenceOptions _options;
    private readonly AgentLegIdentity _identity;
    private readonly string _registrationPrefix;

    public PresenceReconciler(PresenceOptions options)
    {
        _options = options;
        _identity = new AgentLegIdentity(options);
        _registrationPrefix = $"sofia/{options.AgentProfile}/";
    }

    /// <summary>Replaces <paramref name="presence"/> with what the two answers say.</summary>
    /// <exception cref="PresenceReconciliationException">Either answer is an error or not the expected JSON; the state is left as it was.</exception>
    public PresenceReconciliation Reconcile(ApiResponse registrations, ApiResponse channels, AgentPresence presence)
    {
        IReadOnlyList<AgentRegistration> agentRegistrations = AgentRegistrations(
            SwitchListing.Parse(RegistrationsCommand, registrations).Select(RegistrationRow.FromFields));
        ChannelRow[] channelRows = SwitchListing.Parse(ChannelsCommand, channels).Select(ChannelRow.FromFields).ToArray();
        IReadOnlyList<AgentLeg> legs = AgentLegs(channelRows, presence.Time.GetUtcNow());

        presence.Replace(agentRegistrations, legs);
        return new PresenceReconciliation(
            agentRegistrations.Select(r => r.AgentId).Distinct(StringComparer.Ordinal).Count(),
            legs.Count,
            legs.Select(l => l.AgentId).Distinct(StringComparer.Ordinal).Count(),
            channelRows.Length - legs.Count);
    }

    /// <summary>The rows held by the agents' profile (url <c>sofia/&lt;profile&gt;/…</c>), as registrations.</summary>
    public IReadOnlyList<AgentRegistration> AgentRegistrations(IEnumerable<RegistrationRow> rows)
    {
        var result = new List<AgentRegistration>();
        foreach (RegistrationRow row in rows)
        {
            if (row.User.Length == 0 || row.ExpiresEpoch < 0 || !row.Url.StartsWith(_registrationPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // expires is absolute on the switch's clock and already includes its own margin.
            DateTimeOffset expiresAt = row.ExpiresEpoch == 0 || row.ExpiresEpoch >= LastUnixSecond
                ? DateTimeOffset.MaxValue
                : DateTimeOffset.FromUnixTimeSeconds(row.ExpiresEpoch) + _options.ExpiryGrace;
            string callId = row.Token.Length > 0 ? row.Token : row.Url;
            result.Add(new AgentRegistration(row.User, callId, expiresAt));
        }

        return result;
    }

    /// <summary>The rows that are legs of agents' phones.</summary>
    public IReadOnlyList<AgentLeg> AgentLegs(IEnumerable<ChannelRow> rows, DateTimeOffset now)
    {
        var result = new List<AgentLeg>();
        foreach (ChannelRow row in rows)
        {
            if (row.Uuid.Length == 0 || _identity.AgentOf(row) is not { } agentId)
            {
                continue;
            }

            DateTimeOffset since = row.CreatedEpoch > 0 && row.CreatedEpoch < LastUnixSecond ? DateTimeOffset.FromUnixTimeSeconds(row.CreatedEpoch) : now;
            result.Add(new AgentLeg(row.Uuid, agentId, AgentLegIdentity.DirectionOf(row.Direction), row.IsAnswered, since));
        }

        return result;
    }
}
