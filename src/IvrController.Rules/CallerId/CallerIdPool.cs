using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;

namespace IvrController.Rules.CallerId;

/// <summary>
/// Our numbers, indexed once per rule snapshot so that a decision touches only the numbers of the tiers
/// it looks at: by skill group, by city and by province. Disabled numbers are kept for DID look-ups but
/// never indexed for selection.
/// </summary>
public sealed class CallerIdPool
{
    private readonly CallerNumber[] _enabled;

    // Caps by index, int.MaxValue for none: the scan reads two ints instead of a CallerNumber's nullable properties.
    private readonly int[] _maxConcurrent;
    private readonly int[] _dailyCap;
    private readonly FrozenDictionary<string, int[]> _bySkillGroup;
    private readonly FrozenDictionary<NumberRegion, int[]> _byCity;
    private readonly FrozenDictionary<string, int[]> _byProvince;
    private readonly FrozenDictionary<string, CallerNumber> _byE164;

    /// <exception cref="ArgumentException">The same number appears twice.</exception>
    public CallerIdPool(IEnumerable<CallerNumber> numbers)
    {
        var byE164 = new Dictionary<string, CallerNumber>(StringComparer.Ordinal);
        var enabled = new List<CallerNumber>();
        foreach (CallerNumber number in numbers)
        {
            if (!byE164.TryAdd(number.E164, number))
            {
                throw new ArgumentException($"Caller number {number.E164} appears twice.", nameof(numbers));
            }

            if (number.Enabled)
            {
                enabled.Add(number);
            }
        }

        _enabled = [.. enabled];
        _maxConcurrent = [.. _enabled.Select(n => n.MaxConcurrent ?? int.MaxValue)];
        _dailyCap = [.. _enabled.Select(n => n.DailyCap ?? int.MaxValue)];
        _byE164 = byE164.ToFrozenDictionary(StringComparer.Ordinal);

        var bySkillGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byCity = new Dictionary<NumberRegion, List<int>>();
        var byProvince = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _enabled.Length; i++)
        {
            CallerNumber number = _enabled[i];
            foreach (string group in number.SkillGroupIds)
            {
                Add(bySkillGroup, group, i);
            }

            if (number.Region is { } region)
            {
                Add(byCity, region, i);
                Add(byProvince, region.Province, i);
            }
        }

        _bySkillGroup = bySkillGroup.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _byCity = byCity.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray());
        _byProvince = byProvince.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        Enabled = new ReadOnlyCollection<CallerNumber>(_enabled);
    }

    public static CallerIdPool Empty { get; } = new([]);

    /// <summary>Every number, enabled or not.</summary>
    public int Count => _byE164.Count;

    public int EnabledCount => _enabled.Length;

    public IReadOnlyList<CallerNumber> Enabled { get; }

    /// <summary>Every number, enabled or not.</summary>
    public IEnumerable<CallerNumber> All => _byE164.Values;

    /// <summary>Finds one of our numbers, enabled or not (a disabled number still receives calls).</summary>
    public bool TryGet(PhoneNumber number, [NotNullWhen(true)] out CallerNumber? callerNumber) =>
        _byE164.TryGetValue(number.E164, out callerNumber);

    internal CallerNumber this[int index] => _enabled[index];

    /// <summary>Concurrency caps by index, <see cref="int.MaxValue"/> for none.</summary>
    internal int[] MaxConcurrentByIndex => _maxConcurrent;

    /// <summary>Daily caps by index, <see cref="int.MaxValue"/> for none.</summary>
    internal int[] DailyCapByIndex => _dailyCap;

    /// <summary>Whether number <paramref name="index"/> is at its concurrency cap or its daily cap.</summary>
    internal bool IsAtCap(int index, in CallerNumberReading reading) =>
        (_maxConcurrent[index] != int.MaxValue && reading.Concurrent(index) >= _maxConcurrent[index])
        || (_dailyCap[index] != int.MaxValue && reading.CallsToday(index) >= _dailyCap[index]);

    internal ReadOnlySpan<int> InSkillGroup(string skillGroupId) =>
        _bySkillGroup.TryGetValue(skillGroupId, out int[]? indices) ? indices : [];

    internal ReadOnlySpan<int> InCity(NumberRegion region) =>
        _byCity.TryGetValue(region, out int[]? indices) ? indices : [];

    internal ReadOnlySpan<int> InProvince(string province) =>
        _byProvince.TryGetValue(province, out int[]? indices) ? indices : [];

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out List<int>? list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(value);
    }
}
