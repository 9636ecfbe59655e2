using System.Text;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// Records the database refused, or journal lines that cannot be read, kept for an admin in one
/// append-only JSON Lines file (each line says when, why and from where). Every append is fsync'd.
/// </summary>
internal sealed class DeadLetterFile(string path, TimeProvider time)
{
    private readonly Lock _lock = new();

    public string Path => path;

    public void Append(string reason, string source, ReadOnlySpan<byte> line)
    {
        var letter = new DeadLetterLine(JournalCodec.Version, time.GetUtcNow(), reason, source, Encoding.UTF8.GetString(line).TrimEnd('\n'));
        byte[] bytes = JournalCodec.EncodeDeadLetter(letter);
        lock (_lock)
        {
            bool created = !File.Exists(path);
            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (created)
            {
                DirectorySync.Flush(System.IO.Path.GetDirectoryName(path)!);
            }
        }
    }
}
