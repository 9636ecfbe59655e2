using System.Collections.Concurrent;
using IvrController.Rules.Numbers;

namespace IvrController.Rules.Callback;

/// <summary>
/// Callback memory held in the controller: the latest outbound call to each customer, loaded from
/// the call log at start and kept current as calls are placed, so that a customer calling back is
/// routed to their agent even while the database is away (DESIGN 5). Calls older than
/// <paramref name="retention"/> are forgotten as new ones arrive.
/// </summary>
public sealed class CallbackMemory(TimeSpan retention) : ICallbackMemoryStore
{
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<string, LastOutboundCall> _latest = new(StringComparer.Ordinal);
    private int _sincePrune;

    public TimeSpan Retention { get; } = retention > TimeSpan.Zero ? retention : throw new ArgumentOutOfRangeException(nameof(retention), "Retention must be positive.");

    /// <summary>Customers remembered now.</summary>
    public int Count => _latest.Count;

    /// <summary>Remembers <paramref name="call"/> unless a later call to the same customer is already known.</summary>
    public void Remember(LastOutboundCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _latest.AddOrUpdate(call.CustomerNumber.E164, call, (_, known) => known.StartedAt >= call.StartedAt ? known : call);
        if (Interlocked.Increment(ref _sincePrune) % PruneEvery == 0)
        {
            Forget(call.StartedAt - Retention);
        }
    }

    /// <summary>Forgets every call that started before <paramref name="before"/>.</summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (KeyValuePair<string, LastOutboundCall> entry in _latest)
        {
            if (entry.Value.StartedAt < before)
            {
                _latest.TryRemove(entry);
            }
        }
    }

    /// <summary>The latest remembered call to <paramref name="customer"/> at or after <paramref name="since"/>.</summary>
    public LastOutboundCall? Find(PhoneNumber customer, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return _latest.TryGetValue(customer.E164, out LastOutboundCall? call) && call.StartedAt >= since ? call : null;
    }

    public Task<LastOutboundCall?> FindLastOutboundCallAsync(PhoneNumber customer, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(Find(customer, since));
}
