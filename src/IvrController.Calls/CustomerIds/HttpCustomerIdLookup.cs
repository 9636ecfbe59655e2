using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using Microsoft.Extensions.Logging;

namespace IvrController.CustomerIds;

/// <summary>
/// Customer IDs from the CRM over HTTP (the contract is in the README, "Customer-ID lookup over HTTP").
/// Answers, including "no such customer", are cached; concurrent lookups of one number share one
/// request; every failure is a <see cref="CustomerIdLookupException"/> whose message holds no number,
/// so the agent display falls back to the mask.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> is the caller's (from IHttpClientFactory or one long-lived instance);
/// its own Timeout should be no shorter than <see cref="HttpCustomerIdLookupOptions.Timeout"/>.
/// Disposing stops requests in flight; it does not dispose the HttpClient.
/// </remarks>
public sealed class HttpCustomerIdLookup : ICustomerIdLookup, IDisposable
{
    internal const string PhoneToUidEndpoint = "phone-to-uid";
    internal const string UidToPhoneEndpoint = "uid-to-phone";

    private readonly CustomerIdService _service;
    private readonly ChineseNumberNormalizer _normalizer;
    private readonly CoalescingLookup<string> _phoneToUid;
    private readonly CoalescingLookup<PhoneNumber> _uidToPhone;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private bool _disposed;

    public HttpCustomerIdLookup(
        HttpClient http,
        HttpCustomerIdLookupOptions options,
        ILogger<HttpCustomerIdLookup> logger,
        TimeProvider? time = null,
        ChineseNumberNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        string[] problems = [.. options.Validate()];
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        time ??= TimeProvider.System;
        // Read once: fetches still running when the source is disposed must not touch it.
        _stoppingToken = _stopping.Token;
        _normalizer = normalizer ?? ChineseNumberNormalizer.Default;
        _service = new CustomerIdService(http, options, logger, time);
        _phoneToUid = new CoalescingLookup<string>(FetchUidsAsync, options.BatchSize, options.CacheTtl, options.NegativeCacheTtl, options.CacheCapacity, time);
        _uidToPhone = new CoalescingLookup<PhoneNumber>(FetchPhonesAsync, options.BatchSize, options.CacheTtl, options.NegativeCacheTtl, options.CacheCapacity, time);

        if (options.BearerToken is not null && options.BaseUrl!.Scheme == Uri.UriSchemeHttp && !options.BaseUrl.IsLoopback)
        {
            logger.LogWarning("The customer-ID service is reached over plain http: its bearer token crosses the network unencrypted; prefer https");
        }
    }

    public async Task<IReadOnlyDictionary<PhoneNumber, string>> PhoneToCustomerIdsAsync(IReadOnlyCollection<PhoneNumber> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var byE164 = new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
        foreach (PhoneNumber number in numbers)
        {
            byE164.TryAdd(number.E164, number);
        }

        if (byE164.Count == 0)
        {
            return new Dictionary<PhoneNumber, string>();
        }

        IReadOnlyDictionary<string, string> ids = await _phoneToUid.GetAsync(byE164.Keys, cancellationToken).ConfigureAwait(false);
        return ids.ToDictionary(pair => byE164[pair.Key], pair => pair.Value);
    }

    public async Task<IReadOnlyDictionary<string, PhoneNumber>> CustomerIdToPhonesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Blank IDs can have no number; asking the CRM about them would only fill its logs.
        string[] asked = [.. customerIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)];
        if (asked.Length == 0)
        {
            return new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
        }

        return await _uidToPhone.GetAsync(asked, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private Task<IReadOnlyDictionary<string, string>> FetchUidsAsync(IReadOnlyList<string> phones) =>
        _service.PostAsync(
            PhoneToUidEndpoint,
            new PhoneToUidRequest(phones),
            phones.Count,
            CustomerIdJsonContext.Default.PhoneToUidRequest,
            CustomerIdJsonContext.Default.PhoneToUidResponse,
            IReadOnlyDictionary<string, string> (response) => ReadUids(response, phones),
            _stoppingToken);

    private Task<IReadOnlyDictionary<string, PhoneNumber>> FetchPhonesAsync(IReadOnlyList<string> customerIds) =>
        _service.PostAsync(
            UidToPhoneEndpoint,
            new UidToPhoneRequest(customerIds),
            customerIds.Count,
            CustomerIdJsonContext.Default.UidToPhoneRequest,
            CustomerIdJsonContext.Default.UidToPhoneResponse,
            IReadOnlyDictionary<string, PhoneNumber> (response) => ReadPhones(response, customerIds),
            _stoppingToken);

    private Dictionary<string, string> ReadUids(PhoneToUidResponse response, IReadOnlyList<string> phones)
    {
        if (response.Uids is null)
        {
            throw new FormatException("no \"uids\" object");
        }

        var asked = new HashSet<string>(phones, StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string phone, string? id) in response.Uids)
        {
            // Keys are read as numbers, not compared as text, so "+86 138…" or "138…" still match what was asked.
            if (!_normalizer.TryNormalize(phone, out PhoneNumber? number, out string? error))
            {
                throw new FormatException($"a key that is not a phone number ({error})");
            }

            if (!string.IsNullOrWhiteSpace(id) && asked.Contains(number.E164))
            {
                ids[number.E164] = id.Trim();
            }
        }

        return ids;
    }

    private Dictionary<string, PhoneNumber> ReadPhones(UidToPhoneResponse response, IReadOnlyList<string> customerIds)
    {
        if (response.Phones is null)
        {
            throw new FormatException("no \"phones\" object");
        }

        var numbers = new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
        foreach (string id in customerIds)
        {
            if (!response.Phones.TryGetValue(id, out string? phone) || string.IsNullOrWhiteSpace(phone))
            {
                continue;
            }

            // A number we cannot dial is no answer: failing loudly beats calling a wrong number.
            if (!_normalizer.TryNormalize(phone, out PhoneNumber? number, out string? error))
            {
                throw new FormatException($"a phone that is not a valid number ({error})");
            }

            numbers[id] = number;
        }

        return numbers;
    }
}
