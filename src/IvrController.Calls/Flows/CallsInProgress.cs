using System.Collections.Concurrent;
using IvrController.Rules.Numbers;

namespace IvrController.Flows;

/// <summary>
/// The calls the dispatcher is handling now, for the console's live page. Noting a call costs a dictionary
/// entry on the call's path; the masking is done when someone reads, so nothing read from here shows a number in full.
/// </summary>
public sealed class CallsInProgress
{
    private readonly ConcurrentDictionary<long, (string Flow, string? AgentId, string Customer, DateTimeOffset Since)> _calls = new();
    private long _next;

    public int Count => _calls.Count;

    /// <summary>Notes a call; disposing the result forgets it.</summary>
    public IDisposable Begin(string flow, string? agentId, string customer, DateTimeOffset since)
    {
        long key = Interlocked.Increment(ref _next);
        _calls[key] = (flow, agentId, customer, since);
        return new Ending(this, key);
    }

    /// <summary>The calls now, oldest first.</summary>
    public IReadOnlyList<CallInProgress> Snapshot() =>
        [.. _calls.OrderBy(c => c.Key).Select(c => new CallInProgress(c.Value.Flow, c.Value.AgentId, NumberMask.MaskText(c.Value.Customer), c.Value.Since))];

    private sealed class Ending(CallsInProgress calls, long key) : IDisposable
    {
        public void Dispose() => calls._calls.TryRemove(key, out _);
    }
}

/// <summary>One call in progress: its flow (outbound, inbound, survey), the agent when known, the customer masked.</summary>
public sealed record CallInProgress(string Flow, string? AgentId, string MaskedCustomer, DateTimeOffset Since);
