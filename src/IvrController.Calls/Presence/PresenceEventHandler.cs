using System.Globalization;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Presence;

/// <summary>
/// Applies one event from the switch to <see cref="AgentPresence"/>: sofia::register /
/// unregister / expire for registrations on the agents' profile, CHANNEL_CREATE / ANSWER /
/// HANGUP_COMPLETE for the legs of agents' phones. Everything else is left alone. Deterministic:
/// the same state, event and clock give the same result.
/// </summary>
public sealed class PresenceEventHandler
{
    private const long MaxRegistrationSeconds = 10L * 366 * 24 * 3600;

    private readonly PresenceOptions _options;
    private readonly AgentLegIdentity _identity;

    public PresenceEventHandler(PresenceOptions options)
    {
        _options = options;
        _identity = new AgentLegIdentity(options);
    }

    public PresenceChange Apply(EslEvent eslEvent, AgentPresence presence) => eslEvent.EventName switch
    {
        EventNames.Custom => ApplyRegistration(eslEvent, presence),
        EventNames.ChannelCreate => ApplyLeg(eslEvent, presence, answered: false),
        EventNames.ChannelAnswer => ApplyLeg(eslEvent, presence, answered: true),
        EventNames.ChannelHangupComplete => ApplyHangup(eslEvent, presence),
        _ => PresenceChange.None,
    };

    private PresenceChange ApplyRegistration(EslEvent eslEvent, AgentPresence presence)
    {
        string? subclass = eslEvent.Subclass;
        if (subclass is not (EventNames.SofiaRegister or EventNames.SofiaUnregister or EventNames.SofiaExpire)
            || !eslEvent.HeaderEquals(SofiaRegistrationHeaders.ProfileName, _options.AgentProfile))
        {
            return PresenceChange.None;
        }

        string? callId = Present(eslEvent.GetHeader(SofiaRegistrationHeaders.CallId));
        if (subclass == EventNames.SofiaExpire)
        {
            // The switch dropped exactly the registration with this Call-ID.
            return Present(eslEvent.GetHeader(SofiaRegistrationHeaders.User)) is { } expiredUser
                ? new PresenceChange(PresenceChangeKind.Expired, expiredUser, null, presence.Unregister(expiredUser, callId))
                : PresenceChange.None;
        }

        if (Present(eslEvent.GetHeader(SofiaRegistrationHeaders.FromUser)) is not { } user)
        {
            return PresenceChange.None;
        }

        if (subclass == EventNames.SofiaUnregister)
        {
            // Without multiple registrations the switch deletes every contact of the user.
            string? which = _options.MultipleRegistrations ? callId : null;
            return new PresenceChange(PresenceChangeKind.Unregistered, user, null, presence.Unregister(user, which));
        }

        if (callId is null || !TryReadNumber(eslEvent.GetHeader(SofiaRegistrationHeaders.Expires), out long seconds) || seconds <= 0)
        {
            return PresenceChange.None;
        }

        // Capped so that a nonsense Expires cannot overflow the clock arithmetic.
        TimeSpan lifetime = TimeSpan.FromSeconds(Math.Min(seconds, MaxRegistrationSeconds));
        DateTimeOffset expiresAt = presence.Time.GetUtcNow() + lifetime + _options.ExpiryGrace;
        bool becameRegistered = presence.Register(new AgentRegistration(user, callId, expiresAt), replaceOtherContacts: !_options.MultipleRegistrations);
        return new PresenceChange(PresenceChangeKind.Registered, user, null, becameRegistered);
    }

    private PresenceChange ApplyLeg(EslEvent eslEvent, AgentPresence presence, bool answered)
    {
        if (Present(eslEvent.UniqueId) is not { } uuid || _identity.AgentOf(eslEvent) is not { } agentId)
        {
            return PresenceChange.None;
        }

        bool wasOnCall = presence.IsOnCall(agentId);
        var leg = new AgentLeg(
            uuid,
            agentId,
            AgentLegIdentity.DirectionOf(eslEvent.GetHeader(HeaderNames.CallDirection)),
            answered,
            CreatedAt(eslEvent) ?? presence.Time.GetUtcNow());
        AgentLeg recorded = presence.LegSeen(leg);
        return new PresenceChange(answered ? PresenceChangeKind.LegAnswered : PresenceChangeKind.LegStarted, recorded.AgentId, uuid, !wasOnCall);
    }

    private static PresenceChange ApplyHangup(EslEvent eslEvent, AgentPresence presence)
    {
        // Any leg we hold ends here, whoever it looks like now: identity was settled when it began.
        if (Present(eslEvent.UniqueId) is not { } uuid || presence.LegEnded(uuid) is not { } ended)
        {
            return PresenceChange.None;
        }

        return new PresenceChange(PresenceChangeKind.LegEnded, ended.AgentId, uuid, !presence.IsOnCall(ended.AgentId));
    }

    /// <summary>Caller-Channel-Created-Time, in microseconds since the epoch on the switch's clock.</summary>
    private static DateTimeOffset? CreatedAt(EslEvent eslEvent) =>
        TryReadNumber(eslEvent.GetHeader("Caller-Channel-Created-Time"), out long microseconds) && microseconds > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(microseconds / 1000)
            : null;

    private static bool TryReadNumber(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) || value == "_undef_" ? null : value;
}
