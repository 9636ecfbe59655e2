using System.Globalization;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// The journal's directory: numbered segment files (<c>segment-000000000001.jsonl</c>, …), the
/// replay position, the dead-letter file, and a lock file that one controller holds while it
/// uses the directory. Opening it proves it is writable.
/// </summary>
internal sealed class JournalDirectory : IDisposable
{
    public const string SegmentPrefix = "segment-";
    public const string SegmentExtension = ".jsonl";
    public const string DeadLetterFileName = "dead-letters.jsonl";
    public const string PositionFileName = "replay-position";
    public const string LockFileName = "journal.lock";

    private readonly FileStream _lock;

    private JournalDirectory(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public string DeadLetterPath => System.IO.Path.Combine(Path, DeadLetterFileName);

    public string PositionPath => System.IO.Path.Combine(Path, PositionFileName);

    /// <summary>Creates the directory if needed, takes its lock and checks that a file can be written and flushed there.</summary>
    public static JournalDirectory Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            string probe = System.IO.Path.Combine(full, ".write-probe");
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Delete(probe);
            DirectorySync.Flush(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The call record journal directory '{full}' is not writable ({e.Message}); call records could not be kept while the database is down.", e);
        }

        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive lock (flock on Unix): a second controller on the same
            // directory would replay and delete segments under the first one's feet.
            lockFile = new FileStream(System.IO.Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The call record journal directory '{full}' is in use by another controller ({LockFileName} is locked); give each controller its own directory.", e);
        }

        return new JournalDirectory(full, lockFile);
    }

    public static string SegmentFileName(long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{SegmentPrefix}{number:D12}{SegmentExtension}");

    public string SegmentPath(long number) => System.IO.Path.Combine(Path, SegmentFileName(number));

    /// <summary>The numbers of the segment files present, oldest first.</summary>
    public IReadOnlyList<long> Segments()
    {
        var numbers = new List<long>();
        foreach (string file in Directory.EnumerateFiles(Path, SegmentPrefix + "*" + SegmentExtension))
        {
            string name = System.IO.Path.GetFileName(file);
            ReadOnlySpan<char> digits = name.AsSpan(SegmentPrefix.Length, name.Length - SegmentPrefix.Length - SegmentExtension.Length);
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return numbers;
    }

    /// <summary>Bytes held by the segment files: what is still to be replayed.</summary>
    public long PendingBytes() =>
        Segments().Sum(number => new FileInfo(SegmentPath(number)) is { Exists: true } info ? info.Length : 0);

    public void Dispose() => _lock.Dispose();
}
