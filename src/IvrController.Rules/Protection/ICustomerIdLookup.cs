using IvrController.Rules.Numbers;

namespace IvrController.Rules.Protection;

/// <summary>
/// Maps customers' numbers to the IDs agents see and type (a CRM or the customer_ids table).
/// Batch-shaped so a call list can be resolved in one round trip; numbers or IDs without an entry are
/// simply absent from the answer.
/// </summary>
public interface ICustomerIdLookup
{
    Task<IReadOnlyDictionary<PhoneNumber, string>> PhoneToCustomerIdsAsync(IReadOnlyCollection<PhoneNumber> numbers, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, PhoneNumber>> CustomerIdToPhonesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken);
}
