namespace IvrController.Integration.Acceptance;

/// <summary>
/// An append-only record of what happened (log lines, switch events) that tests can wait on: a
/// waiter registers, then looks at what is already there, so nothing that arrives in between is missed.
/// </summary>
public sealed class Journal<T>
{
    private readonly List<T> _entries = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Found)> _waiters = [];
    private readonly Lock _lock = new();

    /// <summary>How many entries there are: a test's starting point for <see cref="Since"/> and <see cref="WaitForAsync"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public void Add(T entry)
    {
        List<TaskCompletionSource<T>> found = [];
        lock (_lock)
        {
            _entries.Add(entry);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    found.Add(_waiters[i].Found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource<T> waiter in found)
        {
            waiter.TrySetResult(entry);
        }
    }

    public IReadOnlyList<T> Since(int start)
    {
        lock (_lock)
        {
            return _entries.Skip(start).ToArray();
        }
    }

    /// <summary>The first entry from <paramref name="start"/> on that matches, now or when it comes; a <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public async Task<T> WaitForAsync(int start, Func<T, bool> match, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (match, found);
        lock (_lock)
        {
            foreach (T entry in _entries.Skip(start))
            {
                if (match(entry))
                {
                    return entry;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await found.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}; it did not happen");
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }
}
