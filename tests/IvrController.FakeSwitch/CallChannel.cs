using System.Globalization;
using System.Text;

namespace IvrController.FakeSwitch;

/// <summary>
/// The state of the one channel the fake switch plays: its caller profile (from the recorded
/// channel data plus the test's overrides), its variables, whether it is answered, bridged or
/// hung up. Every frame is rendered from a recorded template with this state filled in, so
/// later events carry what earlier commands changed (<c>set X=Y</c> shows up as <c>variable_X: Y</c>).
/// </summary>
public sealed class CallChannel
{
    private static readonly HashSet<string> Dynamic = new(StringComparer.OrdinalIgnoreCase)
    {
        "Channel-State", "Channel-State-Number", "Channel-Call-State", "Answer-State", "Hangup-Cause",
    };

    private readonly RecordedCall _source;
    private readonly Dictionary<string, string> _profile = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _overrides;
    private readonly OrderedDictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private IReadOnlyList<KeyValuePair<string, string>>? _otherLeg;
    private TimeSpan _elapsed;
    private long _sequence;

    public CallChannel(
        RecordedCall source,
        string uniqueId,
        IReadOnlyDictionary<string, string> headerOverrides,
        IEnumerable<KeyValuePair<string, string?>> variableOverrides,
        TimeProvider clock)
    {
        _source = source;
        _clock = clock;
        UniqueId = uniqueId;
        _overrides = new Dictionary<string, string>(headerOverrides, StringComparer.OrdinalIgnoreCase);
        Created = clock.GetUtcNow();

        foreach ((string name, string value) in source.ChannelData.Headers)
        {
            string ours = Substitute(source, value);
            if (name.StartsWith("variable_", StringComparison.Ordinal))
            {
                _variables[name["variable_".Length..]] = ours;
            }
            else if (IsProfileHeader(name))
            {
                _profile[name] = ours;
            }
        }

        foreach ((string name, string? value) in variableOverrides)
        {
            if (value is null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }

        AnswerState = Header("Answer-State") ?? source.ChannelData.Header("Answer-State") ?? "ringing";
        CallState = Header("Channel-Call-State") ?? source.ChannelData.Header("Channel-Call-State") ?? "RINGING";
        AnsweredAt = AnswerState == "answered" ? Created : null;
        _sequence = long.TryParse(source.ChannelData.Header("Event-Sequence"), CultureInfo.InvariantCulture, out long recorded) ? recorded : 1;
    }

    public string UniqueId { get; }

    public DateTimeOffset Created { get; }

    /// <summary>The clock as the call sees it: the test's clock plus the talk time played so far.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _clock.GetUtcNow() + _elapsed;
            }
        }
    }

    public string AnswerState { get; private set; }

    public string CallState { get; private set; }

    public string? HangupCause { get; private set; }

    public bool IsHungUp => HangupCause is not null;

    public bool IsAnswered => AnsweredAt is not null;

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsBridged { get; private set; }

    public string? OtherLegUniqueId { get; private set; }

    public string ChannelName => Header("Channel-Name") ?? "sofia/unknown";

    public IReadOnlyDictionary<string, string> Variables
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_variables, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>A header of this channel as the switch would report it (overrides first).</summary>
    public string? Header(string name) =>
        _overrides.TryGetValue(name, out string? value) ? value : _profile.GetValueOrDefault(name);

    public string? GetVariable(string name)
    {
        lock (_gate)
        {
            return _variables.GetValueOrDefault(name);
        }
    }

    /// <summary>Sets a channel variable; like the switch, an empty value removes it.</summary>
    public void SetVariable(string name, string? value)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(value))
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }
    }

    public void Answer()
    {
        AnswerState = "answered";
        CallState = "ACTIVE";
        AnsweredAt ??= Now;
    }

    public void Bridge(string otherLegUniqueId, IReadOnlyList<KeyValuePair<string, string>> otherLeg)
    {
        OtherLegUniqueId = otherLegUniqueId;
        _otherLeg = otherLeg;
        IsBridged = true;
    }

    /// <summary>The other leg's headers stay on this channel's events after the bridge ends, as recorded.</summary>
    public void Unbridge() => IsBridged = false;

    public void HangUp(string cause)
    {
        HangupCause = cause;
        AnswerState = "hangup";
    }

    /// <summary>The last stage of a channel: CS_REPORTING, where the call state reads HANGUP.</summary>
    public void Report() => CallState = "HANGUP";

    public void Elapse(TimeSpan talk)
    {
        lock (_gate)
        {
            _elapsed += talk;
        }
    }

    /// <summary>
    /// Fills <paramref name="template"/> (a recorded event or the recorded channel data) with this
    /// channel: its profile, the event's own headers, the current variables in place of the recorded
    /// ones and the other leg's block once bridged. Values are decoded; <see cref="Serialize"/> encodes.
    /// </summary>
    public List<KeyValuePair<string, string>> Render(
        RecordedEvent template,
        IReadOnlyList<KeyValuePair<string, string>> eventHeaders,
        bool includeVariables)
    {
        RecordedCall recordedIn = RecordedCall.Load(template.CaptureName);
        var own = eventHeaders.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool templateHasCause = template.Header("Hangup-Cause") is not null;
        bool otherLegDone = false;
        bool variablesDone = false;
        var rendered = new List<KeyValuePair<string, string>>();

        void Add(string name, string value)
        {
            rendered.Add(new(name, value));
            placed.Add(name);
        }

        void AddOtherLeg()
        {
            if (!otherLegDone && _otherLeg is not null)
            {
                rendered.AddRange(_otherLeg);
            }

            otherLegDone = true;
        }

        lock (_gate)
        {
            foreach ((string name, string recorded) in template.Headers)
            {
                if (name.StartsWith("variable_", StringComparison.Ordinal))
                {
                    AddOtherLeg();
                    if (!variablesDone && includeVariables)
                    {
                        rendered.AddRange(_variables.Select(v => new KeyValuePair<string, string>("variable_" + v.Key, v.Value)));
                    }

                    variablesDone = true;
                }
                else if (name == "Other-Type" || name.StartsWith("Other-Leg-", StringComparison.Ordinal))
                {
                    AddOtherLeg();
                }
                else if (own.TryGetValue(name, out string? value))
                {
                    Add(name, value);
                }
                else if (name == "Event-Sequence")
                {
                    Add(name, (++_sequence).ToString(CultureInfo.InvariantCulture));
                }
                else if (name.StartsWith("Event-Date-", StringComparison.Ordinal))
                {
                    Add(name, EventDate(name));
                }
                else if (Dynamic.Contains(name))
                {
                    if (DynamicValue(name) is { } current)
                    {
                        Add(name, current);
                    }

                    if (name == "Answer-State" && !templateHasCause && !own.ContainsKey("Hangup-Cause") && HangupCause is not null)
                    {
                        Add("Hangup-Cause", HangupCause);
                    }
                }
                else
                {
                    Add(name, Header(name) ?? Substitute(recordedIn, recorded));
                }
            }
        }

        AddOtherLeg();
        rendered.AddRange(eventHeaders.Where(h => !placed.Contains(h.Key)));
        return rendered;
    }

    /// <summary>Header lines as the switch writes them: URL-encoded values, a blank line at the end.</summary>
    public static string Serialize(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder();
        foreach ((string name, string value) in headers)
        {
            text.Append(name).Append(": ").Append(SwitchUrlEncoding.Encode(value)).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    private string? DynamicValue(string name) => name switch
    {
        "Channel-State" => "CS_EXECUTE",
        "Channel-State-Number" => IsHungUp ? "10" : "4",
        "Channel-Call-State" => CallState,
        "Answer-State" => AnswerState,
        _ => HangupCause,
    };

    private string EventDate(string name)
    {
        DateTimeOffset now = _clock.GetUtcNow() + _elapsed;
        return name switch
        {
            "Event-Date-Local" => TimeZoneInfo.ConvertTime(now, _clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            "Event-Date-GMT" => now.ToString("R", CultureInfo.InvariantCulture),
            _ => ((now - DateTimeOffset.UnixEpoch).Ticks / 10).ToString(CultureInfo.InvariantCulture),
        };
    }

    private string Substitute(RecordedCall recordedIn, string value)
    {
        value = value.Replace(recordedIn.UniqueId, UniqueId, StringComparison.Ordinal);
        return recordedIn == _source ? value : value.Replace(_source.UniqueId, UniqueId, StringComparison.Ordinal);
    }

    private static bool IsProfileHeader(string name) =>
        !name.StartsWith("Event-", StringComparison.Ordinal)
        && !name.StartsWith("FreeSWITCH-", StringComparison.Ordinal)
        && name is not ("Core-UUID" or "Content-Type" or "Reply-Text" or "Socket-Mode" or "Control")
        && !Dynamic.Contains(name);
}
