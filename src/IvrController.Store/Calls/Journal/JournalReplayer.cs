using Microsoft.Extensions.Logging;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// One replay round: seals the active segment, then writes every sealed segment to the call log
/// line by line, oldest first, and deletes each segment once all of it is in the database.
/// </summary>
/// <remarks>
/// Crash safety rests on three facts. A segment is deleted only after its last record was
/// written. The replay position (saved every <see cref="CallRecordJournalOptions.PositionSaveInterval"/>
/// records and when a round fails) only ever points past records that are written. And every
/// write is idempotent (call UUID, or the journal id for missed callbacks), so the few records
/// a crash makes us write again are not counted again.
/// </remarks>
internal sealed class JournalReplayer(
    JournalDirectory directory,
    SegmentAppender appender,
    DeadLetterFile deadLetters,
    CallLog log,
    CallRecordJournalOptions options,
    ILogger logger,
    TimeProvider time)
{
    /// <summary>
    /// Replays everything journaled so far into <paramref name="tally"/> and returns how many
    /// call ends found no call and were put back in the journal for a later round. Throws when the
    /// database fails; what was written up to then stays written and is not replayed again.
    /// </summary>
    public async Task<int> ReplayAsync(ReplayTally tally, CancellationToken cancellationToken)
    {
        long bound = await appender.SealAsync().ConfigureAwait(false);
        long[] segments = directory.Segments().Where(number => number < bound).ToArray();
        if (segments.Length == 0)
        {
            return 0;
        }

        // Replay is in order, so a position can only be about the oldest segment; one about any
        // other is stale and ignored (replaying from the start is always safe, skipping never is).
        ReplayPosition? position = ReplayPosition.Load(directory.PositionPath);
        long resumeAt = position is { } saved && saved.Segment == segments[0] ? saved.Offset : 0;
        int waiting = 0;
        for (int i = 0; i < segments.Length; i++)
        {
            waiting += await ReplaySegmentAsync(segments[i], i == 0 ? resumeAt : 0, tally, cancellationToken).ConfigureAwait(false);
            // Position first: a crash in between replays the segment again (harmless), while a
            // position outliving its segment could one day skip the start of a new one.
            File.Delete(directory.PositionPath);
            File.Delete(directory.SegmentPath(segments[i]));
            if (segments.Length > 1)
            {
                logger.LogInformation("Replaying the call record journal: segment {Segment} of {Segments} done, {Replayed:N0} records so far",
                    i + 1, segments.Length, tally.Replayed);
            }
        }

        return waiting;
    }

    private async Task<int> ReplaySegmentAsync(long segment, long start, ReplayTally tally, CancellationToken cancellationToken)
    {
        string name = JournalDirectory.SegmentFileName(segment);
        // Segments are capped at SegmentSize (a few MiB), so one is read whole.
        byte[] data = await File.ReadAllBytesAsync(directory.SegmentPath(segment), cancellationToken).ConfigureAwait(false);
        int offset = (int)Math.Clamp(start, 0, data.Length);
        int lineNumber = data.AsSpan(0, offset).Count((byte)'\n');
        int savedOffset = offset;
        int sinceSave = 0;
        int waiting = 0;
        try
        {
            while (offset < data.Length)
            {
                int newline = data.AsSpan(offset).IndexOf((byte)'\n');
                bool terminated = newline >= 0;
                int length = terminated ? newline : data.Length - offset;
                var line = new ReadOnlyMemory<byte>(data, offset, length);
                int next = offset + length + (terminated ? 1 : 0);
                lineNumber++;
                string source = $"{name} line {lineNumber}";

                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    if (JournalCodec.TryDecode(line.Span, out JournalEntry? entry, out string? problem))
                    {
                        tally.Saw(entry);
                        waiting += await ApplyAsync(entry, source, line, tally, cancellationToken).ConfigureAwait(false);
                    }
                    else if (!terminated)
                    {
                        // Only the line a crash interrupted lacks its newline; its writer was never told it was durable.
                        tally.TornLines++;
                        logger.LogWarning("Skipped the torn last line of {Source} ({Bytes} bytes): it was being written when the controller stopped, and its write was never confirmed",
                            source, length);
                    }
                    else
                    {
                        DeadLetter(problem, source, line.Span, tally);
                    }
                }

                offset = next;
                if (++sinceSave >= options.PositionSaveInterval && offset < data.Length)
                {
                    new ReplayPosition(segment, offset).Save(directory.PositionPath);
                    savedOffset = offset;
                    sinceSave = 0;
                }
            }
        }
        finally
        {
            // A round that fails keeps what it did: the next one starts at the record that failed.
            if (offset > savedOffset && offset < data.Length)
            {
                SaveQuietly(new ReplayPosition(segment, offset));
            }
        }

        return waiting;
    }

    private async Task<int> ApplyAsync(JournalEntry entry, string source, ReadOnlyMemory<byte> line, ReplayTally tally, CancellationToken cancellationToken)
    {
        ApplyOutcome outcome;
        try
        {
            outcome = await entry.ApplyAsync(log, options.DatabaseTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailure.IsRefusal(e))
        {
            DeadLetter($"refused by the database: {DatabaseFailure.Describe(e)}", source, line.Span, tally, entry);
            return 0;
        }

        switch (outcome)
        {
            case ApplyOutcome.Written:
                tally.Written++;
                return 0;
            case ApplyOutcome.AlreadyStored:
                tally.AlreadyStored++;
                return 0;
            default:
                return await KeepUnmatchedAsync(entry, source, line, tally).ConfigureAwait(false);
        }
    }

    // A call's end that found no call goes back into the journal, behind everything written since,
    // until its call arrives or patience runs out.
    private async Task<int> KeepUnmatchedAsync(JournalEntry entry, string source, ReadOnlyMemory<byte> line, ReplayTally tally)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset since = entry.UnmatchedSince ?? now;
        TimeSpan waited = now - since;
        if (waited >= options.UnmatchedEndPatience)
        {
            DeadLetter($"no outbound call with this UUID was stored within {options.UnmatchedEndPatience}", source, line.Span, tally, entry);
            return 0;
        }

        await appender.AppendAsync(JournalCodec.Encode(entry with { UnmatchedSince = since })).ConfigureAwait(false);
        logger.LogDebug("The {Record} found no stored call after waiting {Waited:0} s; it stays in the journal and is tried again later",
            entry.Describe(), waited.TotalSeconds);
        return 1;
    }

    private void DeadLetter(string reason, string source, ReadOnlySpan<byte> line, ReplayTally tally, JournalEntry? entry = null)
    {
        deadLetters.Append(reason, source, line);
        tally.DeadLettered++;
        logger.LogError("Moved {Record} from {Source} to the dead-letter file {DeadLetters}: {Reason}",
            entry?.Describe() ?? "a journal line", source, deadLetters.Path, reason);
    }

    private void SaveQuietly(ReplayPosition position)
    {
        try
        {
            position.Save(directory.PositionPath);
        }
        catch (IOException e)
        {
            // Without it the next round repeats some writes, which the call log ignores.
            logger.LogWarning("Could not save the replay position ({Reason}); some records will be written again", e.Message);
        }
    }
}
