using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using IvrController.Rules.Numbers;

namespace IvrController.Store.Snapshots;

/// <summary>The customer_ids table in memory, both ways: number → customer ID and back.</summary>
public sealed class CustomerIdTable
{
    private readonly FrozenDictionary<PhoneNumber, string> _byNumber;
    private readonly FrozenDictionary<string, PhoneNumber> _byCustomerId;

    public CustomerIdTable(IEnumerable<KeyValuePair<PhoneNumber, string>> entries)
    {
        var byNumber = new Dictionary<PhoneNumber, string>();
        var byCustomerId = new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
        foreach ((PhoneNumber number, string customerId) in entries)
        {
            // The schema keeps both columns unique; a duplicate here would be a bug upstream.
            if (!byNumber.TryAdd(number, customerId) || !byCustomerId.TryAdd(customerId, number))
            {
                throw new ArgumentException($"Customer ID '{customerId}' or its number appears twice.", nameof(entries));
            }
        }

        _byNumber = byNumber.ToFrozenDictionary();
        _byCustomerId = byCustomerId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CustomerIdTable Empty { get; } = new([]);

    public int Count => _byNumber.Count;

    public bool TryGetCustomerId(PhoneNumber number, [NotNullWhen(true)] out string? customerId) =>
        _byNumber.TryGetValue(number, out customerId);

    public bool TryGetNumber(string customerId, [NotNullWhen(true)] out PhoneNumber? number) =>
        _byCustomerId.TryGetValue(customerId, out number);
}
