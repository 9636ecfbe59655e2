namespace IvrController.FakeSwitch;

/// <summary>
/// Which events the controller asked for. Without <c>myevents</c> or <c>event</c> the real switch
/// sends none, so a flow that forgets to subscribe hangs here as it would in production.
/// </summary>
public sealed class EventSubscription
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _filters = [];
    private readonly HashSet<string> _nixedFromAll = new(StringComparer.Ordinal);
    private bool _all;

    public void SubscribeAll()
    {
        lock (_names)
        {
            _all = true;
        }
    }

    public void Subscribe(IEnumerable<string> eventNames)
    {
        lock (_names)
        {
            foreach (string name in eventNames)
            {
                if (name == "ALL")
                {
                    _all = true;
                }
                else
                {
                    _names.Add(name);
                }
            }
        }
    }

    /// <summary><c>nixevent</c>: these stop; from ALL, every other name stays subscribed.</summary>
    public void Unsubscribe(IEnumerable<string> eventNames)
    {
        lock (_names)
        {
            foreach (string name in eventNames)
            {
                _names.Remove(name);
                if (_all)
                {
                    _nixedFromAll.Add(name);
                }
            }
        }
    }

    public void Clear()
    {
        lock (_names)
        {
            _all = false;
            _names.Clear();
            _nixedFromAll.Clear();
        }
    }

    public void AddFilter(string header, string value)
    {
        lock (_names)
        {
            _filters.Add(new(header, value));
        }
    }

    public void RemoveFilter(string header, string? value)
    {
        lock (_names)
        {
            _filters.RemoveAll(f => f.Key == header && (value is null || f.Value == value));
        }
    }

    /// <summary>
    /// The switch's rule (mod_event_socket.c, 1.10.12): without filters every subscribed event goes out; with
    /// filters, in the order they were added, one whose value starts with '-' stops an event whose header equals the
    /// rest of it, and the event goes out only if some other filter (value as is, or after '+') matched it.
    /// </summary>
    public bool Wants(string eventName, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        lock (_names)
        {
            if (_all ? _nixedFromAll.Contains(eventName) : !_names.Contains(eventName))
            {
                return false;
            }

            if (_filters.Count == 0)
            {
                return true;
            }

            bool send = false;
            foreach ((string header, string value) in _filters)
            {
                if (headers.FirstOrDefault(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)) is not { Key: not null } present)
                {
                    continue;
                }

                string compared = value.TrimStart('+', '-', ' ');
                string signs = value[..(value.Length - compared.Length)];
                bool positive = signs.LastIndexOf('-') <= signs.LastIndexOf('+');
                if (send && positive)
                {
                    continue;
                }

                if (string.Equals(present.Value, compared, StringComparison.OrdinalIgnoreCase))
                {
                    if (!positive)
                    {
                        return false;
                    }

                    send = true;
                }
            }

            return send;
        }
    }
}
