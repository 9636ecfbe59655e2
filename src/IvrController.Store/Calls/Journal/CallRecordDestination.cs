namespace IvrController.Store.Calls.Journal;

/// <summary>Where <see cref="CallRecordJournal"/> made a record durable.</summary>
public enum CallRecordDestination
{
    /// <summary>Written to the call log in the database.</summary>
    Database,

    /// <summary>Kept in the local journal; the replay loop writes it to the database later.</summary>
    Journal,

    /// <summary>
    /// Refused by the database (a constraint or a bad value: another try would give the same
    /// answer) and kept in the dead-letter file for an admin; logged as an error.
    /// </summary>
    DeadLetter,
}
