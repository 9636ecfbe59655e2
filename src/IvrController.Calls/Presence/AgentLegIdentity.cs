using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Presence;

/// <summary>
/// Decides whose phone a call leg belongs to, from a channel event or a <c>show channels</c> row.
/// Only legs on the agents' sofia profile (Channel-Name <c>sofia/&lt;profile&gt;/…</c>) can be an
/// agent's; the captured traffic shows why nothing weaker will do:
/// <list type="bullet">
/// <item>The gateway leg of an agent's outbound call carries a copy of the agent's caller profile
/// (<c>Caller-Username: 1001</c>, <c>Caller-Context: agents</c>) but runs on the carrier profile.</item>
/// <item>The customer's leg of a callback gets <c>variable_dialed_user: 1001</c> once it bridges to
/// <c>user/1001@…</c>: <c>dialed_user</c> is set on the calling leg, never on the agent's.</item>
/// <item>The customer leg of an agent's call carries <c>ivr_agent_id</c>, so that cannot tell either.</item>
/// </list>
/// </summary>
public sealed class AgentLegIdentity
{
    private const string Undefined = "_undef_";
    private readonly PresenceOptions _options;
    private readonly string _channelPrefix;

    public AgentLegIdentity(PresenceOptions options)
    {
        _options = options;
        _channelPrefix = $"sofia/{options.AgentProfile}/";
    }

    /// <summary>
    /// The agent whose phone this channel event is about, or null. A leg from the phone
    /// (Call-Direction inbound) is the digest-authenticated user, <c>variable_sip_auth_username</c>,
    /// or <c>Caller-Username</c> when it runs in the agents' context (the profile challenges every
    /// call and forces the auth user to match the From user, so the two agree). A leg to the phone
    /// (outbound) is the user of <c>variable_presence_id</c>, which the directory's dial-string sets
    /// on every <c>user/…</c> leg, else the user of <c>Caller-Destination-Number</c>.
    /// </summary>
    public string? AgentOf(EslEvent channelEvent)
    {
        if (!IsOnAgentProfile(channelEvent.GetHeader(HeaderNames.ChannelName)))
        {
            return null;
        }

        return channelEvent.GetHeader(HeaderNames.CallDirection) switch
        {
            "inbound" => Present(channelEvent.GetVariable("sip_auth_username"))
                ?? (channelEvent.HeaderEquals(HeaderNames.CallerContext, _options.AgentContext) ? Present(channelEvent.GetHeader(HeaderNames.CallerUsername)) : null),
            "outbound" => UserOf(channelEvent.GetVariable("presence_id")) ?? UserOf(channelEvent.GetHeader(HeaderNames.CallerDestinationNumber)),
            _ => null,
        };
    }

    /// <summary>
    /// The agent whose phone this <c>show channels</c> row is, or null. The table has no auth
    /// user, so a leg from the phone is the user of its channel name (<c>sofia/agents/1001@host</c>:
    /// the From user, which the profile forces to be the authenticated one); a leg to the phone
    /// is the user of <c>presence_id</c>, else of <c>dest</c>.
    /// </summary>
    public string? AgentOf(ChannelRow row)
    {
        if (!IsOnAgentProfile(row.Name))
        {
            return null;
        }

        return row.Direction switch
        {
            "inbound" => UserOf(row.Name[_channelPrefix.Length..]),
            "outbound" => UserOf(row.PresenceId) ?? UserOf(row.Destination),
            _ => null,
        };
    }

    /// <summary>Direction of an agent's leg as the switch names it ("inbound": from the phone).</summary>
    public static AgentLegDirection DirectionOf(string? callDirection) =>
        string.Equals(callDirection, "inbound", StringComparison.Ordinal) ? AgentLegDirection.FromAgent : AgentLegDirection.ToAgent;

    private bool IsOnAgentProfile(string? channelName) =>
        channelName is not null && channelName.StartsWith(_channelPrefix, StringComparison.OrdinalIgnoreCase);

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) || value == Undefined ? null : value.Trim();

    /// <summary>"1001@127.0.0.1" → "1001"; "sip:1001@host" → "1001".</summary>
    private static string? UserOf(string? value)
    {
        string? present = Present(value);
        if (present is null)
        {
            return null;
        }

        if (present.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            present = present[4..];
        }

        int at = present.IndexOf('@', StringComparison.Ordinal);
        return Present(at < 0 ? present : present[..at]);
    }
}
