using IvrController.Rules.Numbers;

namespace IvrController.Rules.Callback;

/// <summary>The store's side of callback memory (outbound_calls, indexed by customer number and start time).</summary>
public interface ICallbackMemoryStore
{
    /// <summary>The most recent outbound call to <paramref name="customer"/> that started at or after <paramref name="since"/>, or null.</summary>
    Task<LastOutboundCall?> FindLastOutboundCallAsync(PhoneNumber customer, DateTimeOffset since, CancellationToken cancellationToken);
}
