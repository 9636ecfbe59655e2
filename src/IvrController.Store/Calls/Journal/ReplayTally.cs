namespace IvrController.Store.Calls.Journal;

/// <summary>What replay did since the database was last reached with an empty journal: the numbers of the outage summary.</summary>
internal sealed class ReplayTally
{
    public int Written { get; set; }

    public int AlreadyStored { get; set; }

    public int DeadLettered { get; set; }

    public int TornLines { get; set; }

    /// <summary>When the oldest record replayed was first written: the start of the outage as far as the journal knows.</summary>
    public DateTimeOffset? OldestRecord { get; set; }

    /// <summary>Records taken out of the journal: written, found already stored, or dead-lettered.</summary>
    public int Replayed => Written + AlreadyStored + DeadLettered;

    public void Saw(JournalEntry entry)
    {
        if (OldestRecord is not { } oldest || entry.CreatedAt < oldest)
        {
            OldestRecord = entry.CreatedAt;
        }
    }
}
