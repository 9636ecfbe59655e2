namespace IvrController.Store.Calls.Journal;

/// <summary>
/// Appends lines to the active segment and returns only once they are on disk. Concurrent
/// appends share one fsync (group commit): whoever holds the file writes every line queued
/// so far, so 200 writers during an outage cost a handful of fsyncs, not 200.
/// </summary>
/// <remarks>
/// A new process never appends to an old segment: its first segment is numbered after every
/// existing one, so a line torn by a crash stays the last line of its segment, where replay
/// expects it and skips it.
/// </remarks>
internal sealed class SegmentAppender : IDisposable
{
    private readonly JournalDirectory _directory;
    private readonly long _segmentSize;
    private readonly SemaphoreSlim _file = new(1, 1);
    private readonly Lock _queueLock = new();
    private List<PendingLine> _queue = [];
    private FileStream? _active;

    // The number of the open segment, or of the next one to open.
    private long _activeNumber;

    public SegmentAppender(JournalDirectory directory, long segmentSize)
    {
        _directory = directory;
        _segmentSize = segmentSize;
        // Numbers are never reused while anything (a segment, or the replay position) names them.
        IReadOnlyList<long> existing = directory.Segments();
        long highest = Math.Max(existing.Count == 0 ? 0 : existing[^1], ReplayPosition.Load(directory.PositionPath)?.Segment ?? 0);
        _activeNumber = highest + 1;
    }

    /// <summary>Appends <paramref name="line"/> (newline included) and completes once it has been fsync'd.</summary>
    public async Task AppendAsync(byte[] line)
    {
        var pending = new PendingLine(line);
        lock (_queueLock)
        {
            _queue.Add(pending);
        }

        // The write and its fsync block: on a pool thread, never on the socket thread that delivered the
        // database's failure (with inline socket completions that thread serves other calls' sockets too).
        await Task.Yield();

        // No cancellation: a record that has reached this point must become durable.
        await _file.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!pending.Done.Task.IsCompleted)
            {
                WriteQueued();
            }
        }
        finally
        {
            _file.Release();
        }

        await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the active segment and returns the number the next one will get: every segment
    /// below it is complete and belongs to the replayer; appends from now on go to new segments.
    /// </summary>
    public async Task<long> SealAsync()
    {
        await _file.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseActive();
            return _activeNumber;
        }
        finally
        {
            _file.Release();
        }
    }

    public void Dispose()
    {
        _file.Wait();
        try
        {
            CloseActive();
        }
        finally
        {
            _file.Release();
        }

        _file.Dispose();
    }

    private void WriteQueued()
    {
        List<PendingLine> batch;
        lock (_queueLock)
        {
            batch = _queue;
            _queue = [];
        }

        try
        {
            FileStream stream = _active ?? OpenNext();
            foreach (PendingLine pending in batch)
            {
                stream.Write(pending.Line);
            }

            stream.Flush(flushToDisk: true);
            if (stream.Length >= _segmentSize)
            {
                CloseActive();
            }
        }
        catch (Exception e)
        {
            // The segment's tail is now unknown: later lines go to a fresh segment, and replay
            // treats whatever half-line is left here as the torn tail it is.
            try
            {
                CloseActive();
            }
            catch (IOException)
            {
            }

            foreach (PendingLine pending in batch)
            {
                pending.Done.TrySetException(e);
            }

            return;
        }

        foreach (PendingLine pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    private FileStream OpenNext()
    {
        var stream = new FileStream(_directory.SegmentPath(_activeNumber), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        });
        try
        {
            // The new name must survive a crash as surely as the lines written into it.
            DirectorySync.Flush(_directory.Path);
        }
        catch
        {
            // The file may exist now; its number is spent (an empty segment replays as nothing).
            stream.Dispose();
            _activeNumber++;
            throw;
        }

        _active = stream;
        return stream;
    }

    private void CloseActive()
    {
        if (_active is null)
        {
            return;
        }

        FileStream closing = _active;
        _active = null;
        _activeNumber++;
        closing.Dispose();
    }

    private sealed class PendingLine(byte[] line)
    {
        public byte[] Line { get; } = line;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
