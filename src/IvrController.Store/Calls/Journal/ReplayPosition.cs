using System.Globalization;
using System.Text;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// How far replay got: every record of <see cref="Segment"/> before byte <see cref="Offset"/> is
/// in the database. Kept in a small file that is replaced atomically (write, fsync, rename), so
/// after a crash replay resumes here; records after it may be written a second time, which the
/// idempotent call log ignores.
/// </summary>
internal sealed record ReplayPosition(long Segment, long Offset)
{
    /// <summary>The saved position, or null when there is none or it does not read (replay then starts at the segment's beginning).</summary>
    public static ReplayPosition? Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long segment)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long offset)
            ? new ReplayPosition(segment, offset)
            : null;
    }

    public void Save(string path)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Segment} {Offset}\n")));
            stream.Flush(flushToDisk: true);
        }

        // Losing the rename in a crash only means an older position, and so a longer replay.
        File.Move(temporary, path, overwrite: true);
    }
}
