using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Store.Snapshots;

/// <summary>
/// The table implementation of the customer-ID lookup: the customer_ids table, read from the
/// live rule snapshot (so it answers from memory and keeps answering while the database is down).
/// </summary>
public sealed class TableCustomerIdLookup(Func<CustomerIdTable> table) : ICustomerIdLookup
{
    public Task<IReadOnlyDictionary<PhoneNumber, string>> PhoneToCustomerIdsAsync(IReadOnlyCollection<PhoneNumber> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        CustomerIdTable current = table();
        var found = new Dictionary<PhoneNumber, string>();
        foreach (PhoneNumber number in numbers)
        {
            if (current.TryGetCustomerId(number, out string? customerId))
            {
                found[number] = customerId;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<PhoneNumber, string>>(found);
    }

    public Task<IReadOnlyDictionary<string, PhoneNumber>> CustomerIdToPhonesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        CustomerIdTable current = table();
        var found = new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
        foreach (string customerId in customerIds)
        {
            if (current.TryGetNumber(customerId.Trim(), out PhoneNumber? number))
            {
                found[customerId] = number;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, PhoneNumber>>(found);
    }
}
