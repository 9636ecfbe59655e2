using IvrController.Rules.CallerId;

namespace IvrController.Cluster;

/// <summary>
/// One call's slot of a caller number. Disposing it ends the call in this controller's counters; the
/// database's slot is given back by the call's end record (or, failing that, by the heartbeat's orphan sweep).
/// </summary>
public sealed class HeldSlot : IDisposable
{
    private readonly SharedCallerNumbers _owner;
    private readonly CallerNumberCounter _counter;
    private int _ended;

    internal HeldSlot(SharedCallerNumbers owner, Guid callId, string e164, int day, CallerNumberCounter counter)
    {
        _owner = owner;
        CallId = callId;
        E164 = e164;
        Day = day;
        _counter = counter;
    }

    public Guid CallId { get; }

    public string E164 { get; }

    /// <summary>The call centre's day the call started on.</summary>
    public int Day { get; }

    /// <summary>True when the database granted the slot; false when this controller counted the call alone (database away).</summary>
    public bool Reserved { get; internal set; }

    public bool Ended => Volatile.Read(ref _ended) != 0;

    internal void StartLocally() => _counter.Started(Day);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _counter.Ended();
            _owner.Release(this);
        }
    }
}
