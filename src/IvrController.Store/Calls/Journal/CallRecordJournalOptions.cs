namespace IvrController.Store.Calls.Journal;

/// <summary>Settings of <see cref="CallRecordJournal"/>; the defaults suit production.</summary>
public sealed record CallRecordJournalOptions
{
    /// <summary>
    /// Where the journal lives when no directory is configured: the controller's data directory
    /// (the user's local application data, e.g. ~/.local/share), under ivr-controller/call-journal.
    /// </summary>
    public static string DefaultDirectory { get; } = Path.Combine(DataRoot(), "ivr-controller", "call-journal");

    /// <summary>
    /// The journal's directory: segment files, the replay position and the dead-letter file. It
    /// must be on local disk, writable, and used by one controller only (a lock file enforces that).
    /// </summary>
    public string Directory { get; init; } = DefaultDirectory;

    /// <summary>How long one write may wait for the database before the record goes to the journal.</summary>
    public TimeSpan DatabaseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After the database failed a write, later writes go straight to the journal (no call waits
    /// out <see cref="DatabaseTimeout"/> again) until the replay loop reaches the database, or
    /// until this much time has passed and a write tries the database itself.
    /// </summary>
    public TimeSpan DirectRetryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the replay loop tries an unreachable database again; doubled after every failure.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between replay attempts while the database is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a call's end that found no stored call is tried again.</summary>
    public TimeSpan UnmatchedEndRetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call's end may wait for its call to be stored before it goes to the dead-letter
    /// file. Replay is in order, so a journaled call always lands before its end; an end still
    /// alone after this long lost its call for good.
    /// </summary>
    public TimeSpan UnmatchedEndPatience { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A segment file is closed and a new one started once it holds this many bytes.</summary>
    public long SegmentSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The replay position is saved (fsync'd) after this many records, so a crash repeats at most
    /// this many writes, which the idempotent call log ignores.
    /// </summary>
    public int PositionSaveInterval { get; init; } = 100;

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            yield return "Directory must not be empty.";
        }

        if (DatabaseTimeout <= TimeSpan.Zero)
        {
            yield return "DatabaseTimeout must be positive.";
        }

        if (DirectRetryInterval < TimeSpan.Zero)
        {
            yield return "DirectRetryInterval must not be negative.";
        }

        if (InitialRetryDelay <= TimeSpan.Zero)
        {
            yield return "InitialRetryDelay must be positive.";
        }

        if (MaxRetryDelay < InitialRetryDelay)
        {
            yield return "MaxRetryDelay must be at least InitialRetryDelay.";
        }

        if (UnmatchedEndRetryInterval <= TimeSpan.Zero)
        {
            yield return "UnmatchedEndRetryInterval must be positive.";
        }

        if (UnmatchedEndPatience < UnmatchedEndRetryInterval)
        {
            yield return "UnmatchedEndPatience must be at least UnmatchedEndRetryInterval.";
        }

        if (SegmentSize < 4096)
        {
            yield return "SegmentSize must be at least 4096 bytes.";
        }

        if (PositionSaveInterval < 1)
        {
            yield return "PositionSaveInterval must be at least 1.";
        }
    }

    private static string DataRoot()
    {
        string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        // A service account without a home has no such folder; the install directory is the fallback.
        return string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local;
    }
}
