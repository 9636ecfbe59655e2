namespace IvrController.Presence;

/// <summary>
/// Which agents are registered and which have live call legs. Thread-safe: one writer (the
/// tracker) and any number of readers (call flows asking <see cref="IsAvailable"/>). A
/// registration counts until it expires by <see cref="TimeProvider"/>, so an agent whose phone
/// vanished without unregistering stops being offered calls even if the expire event is lost.
/// </summary>
public sealed class AgentPresence
{
    private readonly Lock _lock = new();

    // agent id -> Call-ID -> expiry; SIP user names are case-sensitive, so ordinal everywhere.
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentLeg> _legs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _legsByAgent = new(StringComparer.Ordinal);
    private bool _synchronized;
    private DateTimeOffset? _synchronizedAt;

    public AgentPresence(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The clock expiries are measured with.</summary>
    public TimeProvider Time { get; }

    /// <summary>False until the first rebuild from the switch, and again after a lost connection.</summary>
    public bool IsSynchronized
    {
        get
        {
            lock (_lock)
            {
                return _synchronized;
            }
        }
    }

    public bool IsRegistered(string agentId)
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            return HasContact(agentId, now);
        }
    }

    public bool IsOnCall(string agentId)
    {
        lock (_lock)
        {
            return _legsByAgent.ContainsKey(agentId);
        }
    }

    /// <summary>Registered and not on a call.</summary>
    public bool IsAvailable(string agentId)
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            return HasContact(agentId, now) && !_legsByAgent.ContainsKey(agentId);
        }
    }

    /// <summary>One agent's registrations and legs, read at one instant.</summary>
    public AgentPresenceStatus StatusOf(string agentId)
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            return StatusLocked(agentId, now);
        }
    }

    /// <summary>
    /// Records a contact. <paramref name="replaceOtherContacts"/> mirrors a switch without
    /// multiple registrations, where a REGISTER drops the user's other contacts.
    /// </summary>
    /// <returns>True when the agent was not registered before.</returns>
    public bool Register(AgentRegistration registration, bool replaceOtherContacts)
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            bool wasRegistered = HasContact(registration.AgentId, now);
            if (!_contacts.TryGetValue(registration.AgentId, out Dictionary<string, DateTimeOffset>? contacts))
            {
                contacts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                _contacts[registration.AgentId] = contacts;
            }
            else if (replaceOtherContacts)
            {
                contacts.Clear();
            }

            contacts[registration.CallId] = registration.ExpiresAt;
            return !wasRegistered;
        }
    }

    /// <summary>Forgets one contact (by Call-ID), or all of the agent's when <paramref name="callId"/> is null.</summary>
    /// <returns>True when the agent was registered before and is not any more.</returns>
    public bool Unregister(string agentId, string? callId)
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            bool wasRegistered = HasContact(agentId, now);
            if (_contacts.TryGetValue(agentId, out Dictionary<string, DateTimeOffset>? contacts))
            {
                if (callId is null)
                {
                    contacts.Clear();
                }
                else
                {
                    contacts.Remove(callId);
                }

                if (contacts.Count == 0)
                {
                    _contacts.Remove(agentId);
                }
            }

            return wasRegistered && !HasContact(agentId, now);
        }
    }

    /// <summary>
    /// Records a live leg, or marks a known one answered. A leg keeps the agent it was first
    /// identified with: later events of the same channel cannot move it to someone else.
    /// </summary>
    /// <returns>The leg as now recorded.</returns>
    public AgentLeg LegSeen(AgentLeg leg)
    {
        lock (_lock)
        {
            if (_legs.TryGetValue(leg.ChannelUuid, out AgentLeg? known))
            {
                AgentLeg updated = known with { Answered = known.Answered || leg.Answered };
                _legs[leg.ChannelUuid] = updated;
                return updated;
            }

            AddLeg(leg);
            return leg;
        }
    }

    /// <summary>Forgets a leg that hung up.</summary>
    /// <returns>The leg, or null when it was not an agent's.</returns>
    public AgentLeg? LegEnded(string channelUuid)
    {
        lock (_lock)
        {
            if (!_legs.Remove(channelUuid, out AgentLeg? leg))
            {
                return null;
            }

            HashSet<string> agentLegs = _legsByAgent[leg.AgentId];
            agentLegs.Remove(channelUuid);
            if (agentLegs.Count == 0)
            {
                _legsByAgent.Remove(leg.AgentId);
            }

            return leg;
        }
    }

    /// <summary>
    /// Replaces everything at once with what the switch reported, so no reader ever sees half of
    /// the old state and half of the new. Marks the state synchronized.
    /// </summary>
    public void Replace(IEnumerable<AgentRegistration> registrations, IEnumerable<AgentLeg> legs)
    {
        DateTimeOffset now = Time.GetUtcNow();
        // Built outside the lock: readers wait only for the swap.
        var contacts = new Dictionary<string, Dictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
        foreach (AgentRegistration registration in registrations)
        {
            if (!contacts.TryGetValue(registration.AgentId, out Dictionary<string, DateTimeOffset>? agentContacts))
            {
                agentContacts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                contacts[registration.AgentId] = agentContacts;
            }

            agentContacts[registration.CallId] = registration.ExpiresAt;
        }

        AgentLeg[] newLegs = legs.ToArray();
        lock (_lock)
        {
            _contacts.Clear();
            foreach ((string agentId, Dictionary<string, DateTimeOffset> agentContacts) in contacts)
            {
                _contacts[agentId] = agentContacts;
            }

            _legs.Clear();
            _legsByAgent.Clear();
            foreach (AgentLeg leg in newLegs)
            {
                if (!_legs.ContainsKey(leg.ChannelUuid))
                {
                    AddLeg(leg);
                }
            }

            _synchronized = true;
            _synchronizedAt = now;
        }
    }

    /// <summary>The connection to the switch is gone: what we hold may miss what happens next.</summary>
    public void MarkOutOfSync()
    {
        lock (_lock)
        {
            _synchronized = false;
        }
    }

    /// <summary>A consistent copy of everything, with expired contacts left out (and forgotten).</summary>
    public PresenceSnapshot Snapshot()
    {
        DateTimeOffset now = Time.GetUtcNow();
        lock (_lock)
        {
            PruneExpired(now);
            var agents = new SortedSet<string>(_contacts.Keys, StringComparer.Ordinal);
            agents.UnionWith(_legsByAgent.Keys);
            var rows = new List<AgentPresenceStatus>(agents.Count);
            foreach (string agentId in agents)
            {
                rows.Add(StatusLocked(agentId, now));
            }

            return new PresenceSnapshot(now, _synchronized, _synchronizedAt, rows);
        }
    }

    private AgentPresenceStatus StatusLocked(string agentId, DateTimeOffset now)
    {
        int contacts = 0;
        DateTimeOffset? until = null;
        if (_contacts.TryGetValue(agentId, out Dictionary<string, DateTimeOffset>? agentContacts))
        {
            DateTimeOffset[] live = agentContacts.Values.Where(expiresAt => expiresAt > now).ToArray();
            contacts = live.Length;
            until = live.Length > 0 ? live.Max() : null;
        }

        AgentLeg[] legs = _legsByAgent.TryGetValue(agentId, out HashSet<string>? uuids)
            ? uuids.Select(uuid => _legs[uuid]).OrderBy(leg => leg.Since).ThenBy(leg => leg.ChannelUuid, StringComparer.Ordinal).ToArray()
            : [];
        return new AgentPresenceStatus(agentId, contacts, until, legs);
    }

    private bool HasContact(string agentId, DateTimeOffset now) =>
        _contacts.TryGetValue(agentId, out Dictionary<string, DateTimeOffset>? contacts) && contacts.Values.Any(expiresAt => expiresAt > now);

    private void AddLeg(AgentLeg leg)
    {
        _legs[leg.ChannelUuid] = leg;
        if (!_legsByAgent.TryGetValue(leg.AgentId, out HashSet<string>? agentLegs))
        {
            agentLegs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _legsByAgent[leg.AgentId] = agentLegs;
        }

        agentLegs.Add(leg.ChannelUuid);
    }

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (string agentId in _contacts.Keys.ToArray())
        {
            Dictionary<string, DateTimeOffset> contacts = _contacts[agentId];
            foreach (string callId in contacts.Where(c => c.Value <= now).Select(c => c.Key).ToArray())
            {
                contacts.Remove(callId);
            }

            if (contacts.Count == 0)
            {
                _contacts.Remove(agentId);
            }
        }
    }
}
