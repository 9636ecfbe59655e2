namespace IvrController.CustomerIds;

/// <summary>
/// Answers keys from the cache, lets a key already being fetched be awaited by every caller that
/// wants it, and fetches the rest in batches. One lock guards both the cache and the in-flight table,
/// so a key is never fetched twice at once.
/// </summary>
internal sealed class CoalescingLookup<TValue>
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly ExpiringCache<TValue> _cache;
    private readonly Dictionary<string, Task<TValue?>> _inFlight = new(StringComparer.Ordinal);
    private readonly Func<IReadOnlyList<string>, Task<IReadOnlyDictionary<string, TValue>>> _fetchBatch;
    private readonly int _batchSize;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _negativeTtl;
    private readonly TimeProvider _time;

    /// <param name="fetchBatch">
    /// Asks the source for at most <paramref name="batchSize"/> keys; keys it has no value for are absent.
    /// It gets no caller's token: callers share the fetch, and one of them giving up must not fail the others.
    /// </param>
    public CoalescingLookup(
        Func<IReadOnlyList<string>, Task<IReadOnlyDictionary<string, TValue>>> fetchBatch,
        int batchSize,
        TimeSpan ttl,
        TimeSpan negativeTtl,
        int cacheCapacity,
        TimeProvider time)
    {
        _fetchBatch = fetchBatch;
        _batchSize = batchSize;
        _ttl = ttl;
        _negativeTtl = negativeTtl;
        _cache = new ExpiringCache<TValue>(cacheCapacity);
        _time = time;
    }

    /// <summary>Values for the keys that have one; failures of the fetch are rethrown to every caller waiting for it.</summary>
    public async Task<IReadOnlyDictionary<string, TValue>> GetAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, TValue>(StringComparer.Ordinal);
        List<KeyValuePair<string, Task<TValue?>>>? waiting = null;
        List<KeyValuePair<string, TaskCompletionSource<TValue?>>>? toFetch = null;

        // Synchronous up to here on purpose: a caller that returns a task has already joined any fetch in flight.
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            foreach (string key in keys)
            {
                if (_cache.TryGet(key, now, out TValue? cached))
                {
                    if (cached is not null)
                    {
                        found[key] = cached;
                    }

                    continue;
                }

                if (!_inFlight.TryGetValue(key, out Task<TValue?>? pending))
                {
                    var source = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    pending = source.Task;
                    _inFlight.Add(key, pending);
                    (toFetch ??= []).Add(new(key, source));
                }

                (waiting ??= []).Add(new(key, pending));
            }
        }

        if (toFetch is not null)
        {
            _ = FetchAsync(toFetch);
        }

        if (waiting is null)
        {
            return found;
        }

        await Task.WhenAll(waiting.Select(w => w.Value)).WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach ((string key, Task<TValue?> task) in waiting)
        {
            if (await task.ConfigureAwait(false) is { } value)
            {
                found[key] = value;
            }
        }

        return found;
    }

    private async Task FetchAsync(List<KeyValuePair<string, TaskCompletionSource<TValue?>>> keys)
    {
        for (int start = 0; start < keys.Count; start += _batchSize)
        {
            List<KeyValuePair<string, TaskCompletionSource<TValue?>>> batch = keys.GetRange(start, Math.Min(_batchSize, keys.Count - start));
            IReadOnlyDictionary<string, TValue> answer;
            try
            {
                answer = await _fetchBatch([.. batch.Select(k => k.Key)]).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The later batches share the failure: a service that just gave up is not asked again for this list.
                Fail(keys.GetRange(start, keys.Count - start), ex);
                return;
            }

            lock (_gate)
            {
                DateTimeOffset now = _time.GetUtcNow();
                foreach ((string key, _) in batch)
                {
                    TValue? value = answer.GetValueOrDefault(key);
                    TimeSpan ttl = value is null ? _negativeTtl : _ttl;
                    if (ttl > TimeSpan.Zero)
                    {
                        _cache.Set(key, value, now + ttl);
                    }

                    _inFlight.Remove(key);
                }
            }

            foreach ((string key, TaskCompletionSource<TValue?> source) in batch)
            {
                source.SetResult(answer.GetValueOrDefault(key));
            }
        }
    }

    private void Fail(List<KeyValuePair<string, TaskCompletionSource<TValue?>>> keys, Exception failure)
    {
        // Failures are not cached: the next caller asks again.
        lock (_gate)
        {
            foreach ((string key, _) in keys)
            {
                _inFlight.Remove(key);
            }
        }

        foreach ((_, TaskCompletionSource<TValue?> source) in keys)
        {
            source.SetException(failure);
        }
    }
}
