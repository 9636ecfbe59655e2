namespace IvrController.Rules.CallerId;

/// <summary>
/// Which of one pool's enabled numbers are free (under both caps) and, among those, the fewest calls
/// today and how many numbers have that few — kept current as calls start and end, so that the
/// whole-pool tier picks its number in a few dozen steps instead of visiting every number.
/// <para>
/// A tree over the pool's indices: each node holds, for the numbers under it, how many are free, the
/// fewest calls today among those, and how many free numbers have that fewest. A counter that changes
/// refreshes its leaf and the leaf's ancestors (about 15 nodes at 10,000 numbers); a pick walks from
/// the root to the k-th free (or k-th least-used) leaf. One lock guards the tree: updates and picks
/// each hold it for well under a microsecond.
/// </para>
/// <para>
/// The tree counts calls of one call-centre day; a pick for another day rebuilds it once (the first
/// decision after midnight). When a newer pool of the same counters is indexed, the counters report to
/// the newer tree and this one is <see cref="Superseded"/>: a decision on an old rule snapshot then
/// scans, as before the index existed.
/// </para>
/// </summary>
public sealed class CallerNumberAvailability
{
    private const int NoneFree = int.MaxValue;

    private readonly object _gate = new();
    private readonly CallerNumberCounter[] _counters;
    private readonly int[] _maxConcurrent;
    private readonly int[] _dailyCap;
    private readonly int _leaves;

    // Node n's children are 2n and 2n+1; leaves start at _leaves. Index 0 is unused.
    private readonly int[] _free;
    private readonly int[] _fewestCalls;
    private readonly int[] _atFewest;
    private int _day = int.MinValue; // not built yet: the first pick builds it
    private volatile bool _superseded;

    internal CallerNumberAvailability(CallerNumberCounter[] counters, int[] maxConcurrent, int[] dailyCap)
    {
        _counters = counters;
        _maxConcurrent = maxConcurrent;
        _dailyCap = dailyCap;
        _leaves = 1;
        while (_leaves < Math.Max(1, counters.Length))
        {
            _leaves <<= 1;
        }

        _free = new int[2 * _leaves];
        _fewestCalls = new int[2 * _leaves];
        _atFewest = new int[2 * _leaves];
        _fewestCalls.AsSpan().Fill(NoneFree);
    }

    /// <summary>A newer pool's tree now receives the counters' changes; this one no longer tracks them.</summary>
    public bool Superseded => _superseded;

    internal void Supersede() => _superseded = true;

    /// <summary>Takes every counter as it stands for <paramref name="day"/> (at creation, and after a day change).</summary>
    internal void Rebuild(int day)
    {
        lock (_gate)
        {
            RebuildLocked(day);
        }
    }

    /// <summary>Counter <paramref name="index"/> changed: re-reads it and fixes the path to the root.</summary>
    internal void Refresh(int index)
    {
        lock (_gate)
        {
            int node = _leaves + index;
            SetLeaf(node, index);
            for (node >>= 1; node >= 1; node >>= 1)
            {
                Combine(node);
            }
        }
    }

    /// <summary>
    /// The whole pool's free numbers on <paramref name="day"/>: how many are free, and one of them
    /// picked as <paramref name="pick"/> says with <paramref name="random"/> (−1 when none is free);
    /// for least-used, also the fewest calls and how many free numbers have that few.
    /// </summary>
    internal WholePoolPick Pick(int day, CandidatePick pick, Random random)
    {
        lock (_gate)
        {
            if (day != _day)
            {
                RebuildLocked(day);
            }

            int free = _free[1];
            if (free == 0)
            {
                return new WholePoolPick(0, -1, 0, 0);
            }

            if (pick == CandidatePick.LeastUsedToday)
            {
                int fewest = _fewestCalls[1];
                int ties = _atFewest[1];
                return new WholePoolPick(free, NthAtFewest(random.Next(ties), fewest), fewest, ties);
            }

            return new WholePoolPick(free, NthFree(random.Next(free)), 0, 0);
        }
    }

    private void RebuildLocked(int day)
    {
        _day = day;
        for (int index = 0; index < _counters.Length; index++)
        {
            SetLeaf(_leaves + index, index);
        }

        for (int node = _leaves - 1; node >= 1; node--)
        {
            Combine(node);
        }
    }

    private void SetLeaf(int node, int index)
    {
        CallerNumberCounter counter = _counters[index];
        int calls = counter.CallsOn(_day);
        bool atCap = counter.Concurrent >= _maxConcurrent[index] || calls >= _dailyCap[index];
        _free[node] = atCap ? 0 : 1;
        _fewestCalls[node] = atCap ? NoneFree : calls;
        _atFewest[node] = atCap ? 0 : 1;
    }

    private void Combine(int node)
    {
        int left = 2 * node, right = left + 1;
        _free[node] = _free[left] + _free[right];
        int fewest = Math.Min(_fewestCalls[left], _fewestCalls[right]);
        _fewestCalls[node] = fewest;
        _atFewest[node] = fewest == NoneFree
            ? 0
            : (_fewestCalls[left] == fewest ? _atFewest[left] : 0) + (_fewestCalls[right] == fewest ? _atFewest[right] : 0);
    }

    private int NthFree(int n)
    {
        int node = 1;
        while (node < _leaves)
        {
            int left = 2 * node;
            if (n < _free[left])
            {
                node = left;
            }
            else
            {
                n -= _free[left];
                node = left + 1;
            }
        }

        return node - _leaves;
    }

    private int NthAtFewest(int n, int fewest)
    {
        int node = 1;
        while (node < _leaves)
        {
            int left = 2 * node;
            int inLeft = _fewestCalls[left] == fewest ? _atFewest[left] : 0;
            if (n < inLeft)
            {
                node = left;
            }
            else
            {
                n -= inLeft;
                node = left + 1;
            }
        }

        return node - _leaves;
    }
}

/// <summary>What <see cref="CallerNumberAvailability.Pick"/> found: free numbers, the chosen pool index (−1: none), and for least-used the fewest calls and the ties.</summary>
internal readonly record struct WholePoolPick(int Free, int Index, int FewestCalls, int Ties);
