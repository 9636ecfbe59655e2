namespace IvrController.CustomerIds;

/// <summary>
/// A size-bounded map whose entries expire; when it is full the least recently used entry goes. A null
/// value is a remembered "not found". Not thread-safe: its owner holds a lock around every call.
/// </summary>
internal sealed class ExpiringCache<TValue>
    where TValue : class
{
    private readonly Dictionary<string, LinkedListNode<CacheEntry<TValue>>> _entries = new(StringComparer.Ordinal);

    // Most recently used first, so eviction takes the last node.
    private readonly LinkedList<CacheEntry<TValue>> _recency = new();

    private readonly int _capacity;

    public ExpiringCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    public bool TryGet(string key, DateTimeOffset now, out TValue? value)
    {
        if (_entries.TryGetValue(key, out LinkedListNode<CacheEntry<TValue>>? node))
        {
            if (node.Value.ExpiresAt > now)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }

            Remove(node);
        }

        value = null;
        return false;
    }

    public void Set(string key, TValue? value, DateTimeOffset expiresAt)
    {
        if (_entries.TryGetValue(key, out LinkedListNode<CacheEntry<TValue>>? existing))
        {
            Remove(existing);
        }

        if (_capacity == 0)
        {
            return;
        }

        while (_entries.Count >= _capacity)
        {
            Remove(_recency.Last!);
        }

        _entries[key] = _recency.AddFirst(new CacheEntry<TValue>(key, value, expiresAt));
    }

    private void Remove(LinkedListNode<CacheEntry<TValue>> node)
    {
        _entries.Remove(node.Value.Key);
        _recency.Remove(node);
    }
}
