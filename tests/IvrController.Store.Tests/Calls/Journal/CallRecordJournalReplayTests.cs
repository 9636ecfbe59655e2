using IvrController.TestSupport;
using System.Text;
using System.Text.Json;
using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>
/// The replay loop on the real server: outages through a link the tests cut and restore, waits
/// on a fake clock, and crashes simulated by putting back the files a crash would leave.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CallRecordJournalReplayTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private string Db => database.ConnectionString;

    private async Task WaitForLockWaitAsync(string statementStart)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            long waiting = await Sql.ScalarAsync<long>(Db,
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and ltrim(query) like $1", statementStart + "%");
            if (waiting > 0)
            {
                return;
            }
        }

        throw new TimeoutException($"no statement starting '{statementStart}' waited for a lock within 30 s");
    }

    [Fact]
    public async Task When_the_database_returns_every_journaled_record_is_written_once_and_the_journal_is_emptied()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var call = CallRecords.Call();
        var other = CallRecords.Call();
        var survey = CallRecords.Survey(template);
        var missed = CallRecords.Missed("return-1");
        await rig.Journal.WriteAsync(call, CancellationToken.None);
        await rig.Journal.WriteAsync(CallRecords.End(call.CallUuid), CancellationToken.None);
        await rig.Journal.WriteAsync(other, CancellationToken.None);
        await rig.Journal.WriteAsync(survey, CancellationToken.None);
        await rig.Journal.WriteAsync(missed, CancellationToken.None);

        rig.StartReplay();
        await rig.LogAsync("attempt 1, retrying");
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await rig.LogAsync("attempt 2, retrying");
        link.Restore();
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        LogRecord summary = await rig.LogAsync("Replayed 5 call records");

        Assert.StartsWith("Replayed 5 call records after an outage of 40 s: 5 written, 0 already stored, 0 dead-lettered", summary.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CallRecords.CallsAsync(Db, call.CallUuid, other.CallUuid));
        Assert.Equal("SUCCESS", await Sql.ScalarAsync<string>(Db, "select disposition from outbound_calls where call_uuid = $1", call.CallUuid));
        Assert.Equal(1, await CallRecords.SurveysAsync(Db, survey.CallUuid));
        Assert.Equal(1, await CallRecords.MissedAsync(Db, "return-1"));
        Assert.Empty(rig.SegmentFiles());
        // The database answered the replay, so calls write to it directly again.
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None));
        rig.AssertNoFullNumberLogged([call.CustomerNumber, other.CustomerNumber, survey.CustomerNumber, missed.CustomerNumber]);
    }

    [Fact]
    public async Task Replay_writes_each_record_at_once_even_over_a_call_log_that_gathers_its_writes()
    {
        await using var link = PostgresLink.Down(Db);
        // A one-second window on a clock that does not move: a gathered write would wait for good.
        await using var rig = new JournalRig(link.ConnectionString, gatherWindow: TimeSpan.FromSeconds(1));
        var calls = Enumerable.Range(0, 10).Select(_ => CallRecords.Call("gathering-agent")).ToList();
        foreach (var call in calls)
        {
            await rig.Journal.WriteAsync(call, CancellationToken.None);
        }

        link.Restore();
        rig.StartReplay();

        LogRecord summary = await rig.LogAsync("Replayed 10 call records");
        Assert.Contains("10 written", summary.Message, StringComparison.Ordinal);
        Assert.Equal(10L, await CallRecords.CallsAsync(Db, [.. calls.Select(c => c.CallUuid)]));
    }

    [Fact]
    public async Task A_long_outage_is_replayed_segment_by_segment_and_summed_up_in_one_line()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString, new CallRecordJournalOptions { SegmentSize = 64 * 1024 });
        var calls = Enumerable.Range(0, 1234).Select(_ => CallRecords.Call("outage-agent")).ToList();
        // The first write finds the database gone; the rest go straight to the journal, in two waves.
        // Concurrent writes are committed in groups and a segment is closed after the group that fills
        // it, so one wave on a busy machine can land in a single segment; each wave alone holds more
        // than a segment's 64 KiB, so the second always starts a new one.
        await rig.Journal.WriteAsync(calls[0], CancellationToken.None);
        foreach (var wave in calls.Skip(1).Chunk(617))
        {
            await Task.WhenAll(wave.Select(call => Task.Run(() => rig.Journal.WriteAsync(call, CancellationToken.None))));
        }

        Assert.True(rig.SegmentFiles().Count > 1, $"{rig.SegmentFiles().Count} segment(s) of {string.Join(", ", rig.SegmentFiles().Select(f => new FileInfo(f).Length))} bytes");

        rig.Time.Advance(TimeSpan.FromMinutes(3));
        link.Restore();
        rig.StartReplay();
        LogRecord summary = await rig.LogAsync("Replayed 1,234 call records");

        Assert.StartsWith("Replayed 1,234 call records after an outage of 3 min: 1,234 written", summary.Message, StringComparison.Ordinal);
        await rig.LogAsync("Replaying the call record journal: segment 1 of");
        Assert.Equal(1234, await Sql.ScalarAsync<long>(Db, "select count(*) from outbound_calls where agent_id = 'outage-agent'"));
        Assert.Empty(rig.SegmentFiles());
    }

    [Fact]
    public async Task A_database_restart_that_broke_every_idle_connection_costs_one_journaled_write_and_no_failed_replay()
    {
        await using var link = PostgresLink.Up(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        await rig.LeaveIdleConnectionsAsync(4);
        // The restart: every connection reset, new ones answered again.
        link.Cut();
        link.Restore();

        var call = CallRecords.Call();
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(call, CancellationToken.None));
        rig.StartReplay();
        await rig.LogAsync("Replayed 1 call records");

        // The write that found the first dead connection had the pool drop the other three with it.
        Assert.DoesNotContain(rig.Logger.Records, r => r.Message.StartsWith("Call record journal cannot replay", StringComparison.Ordinal));
        Assert.Equal(1, await CallRecords.CallsAsync(Db, call.CallUuid));
    }

    [Fact]
    public async Task A_round_that_wrote_records_before_it_failed_retries_after_the_first_delay_not_the_outages_longest()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var call = CallRecords.Call();
        var survey = CallRecords.Survey(template);
        await rig.Journal.WriteAsync(call, CancellationToken.None);
        await rig.Journal.WriteAsync(survey, CancellationToken.None);
        rig.StartReplay();
        await rig.AdvanceUntilLoggedAsync("attempt 3, retrying");

        // The database is back but holds the survey table locked: the fourth round writes the call,
        // then its survey outlives the write's deadline.
        await using var holder = new NpgsqlConnection(Db);
        await holder.OpenAsync();
        await using NpgsqlTransaction locking = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("lock table survey_results in access exclusive mode", holder, locking))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        link.Restore();
        rig.Time.Advance(rig.Options.MaxRetryDelay);
        await WaitForLockWaitAsync("insert into survey_results");
        rig.Time.Advance(rig.Options.DatabaseTimeout);

        LogRecord failed = await rig.LogAsync("Call record journal cannot replay", 4);
        Assert.Contains("attempt 1, retrying in", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CallRecords.CallsAsync(Db, call.CallUuid));
        await locking.RollbackAsync();
        rig.Time.Advance(rig.Options.InitialRetryDelay);
        await rig.LogAsync("Replayed 2 call records");
        Assert.Equal(1, await CallRecords.SurveysAsync(Db, survey.CallUuid));
    }

    [Fact]
    public async Task A_crash_after_writing_but_before_deleting_a_segment_replays_it_without_duplicates_and_skips_the_torn_last_line()
    {
        string directory = JournalRig.NewDirectory();
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var call = CallRecords.Call();
        var survey = CallRecords.Survey(template);
        string savedSegment;
        byte[] segment;

        // First run: records journaled during an outage, then replayed into the database.
        await using (var link = PostgresLink.Down(Db))
        await using (var first = new JournalRig(link.ConnectionString, directory: directory))
        {
            await first.Journal.WriteAsync(call, CancellationToken.None);
            await first.Journal.WriteAsync(CallRecords.End(call.CallUuid), CancellationToken.None);
            await first.Journal.WriteAsync(survey, CancellationToken.None);
            await first.Journal.WriteAsync(CallRecords.Missed("crash-1"), CancellationToken.None);
            savedSegment = Assert.Single(first.SegmentFiles());
            segment = await File.ReadAllBytesAsync(savedSegment);
            link.Restore();
            first.Time.Advance(first.Options.DirectRetryInterval);
            first.StartReplay();
            await first.LogAsync("Replayed 4 call records");
        }

        // The crash: the segment's deletion never reached the disk, and a write was cut off mid-line.
        await File.WriteAllBytesAsync(savedSegment, [.. segment, .. Encoding.UTF8.GetBytes("""{"v":1,"type":"outbound_call","id":"01""")]);

        await using var second = new JournalRig(Db, directory: directory, ownsDirectory: true);
        second.StartReplay();
        LogRecord summary = await second.LogAsync("Replayed 4 call records");

        Assert.Contains(": 1 written, 3 already stored, 0 dead-lettered, 1 torn line(s) skipped", summary.Message, StringComparison.Ordinal);
        Assert.Contains(second.Logger.Records, r => r.Level == LogLevel.Warning && r.Message.StartsWith($"Skipped the torn last line of {Path.GetFileName(savedSegment)} line 5", StringComparison.Ordinal));
        Assert.Equal(1, await CallRecords.CallsAsync(Db, call.CallUuid));
        Assert.Equal(1, await CallRecords.SurveysAsync(Db, survey.CallUuid));
        Assert.Equal(1, await CallRecords.MissedAsync(Db, "crash-1"));
        Assert.Empty(second.SegmentFiles());
        Assert.Empty(second.DeadLetters());
    }

    [Fact]
    public async Task Replay_resumes_after_the_saved_position_and_does_not_write_what_came_before_it_again()
    {
        string directory = JournalRig.NewDirectory();
        Directory.CreateDirectory(directory);
        var calls = Enumerable.Range(0, 3).Select(_ => CallRecords.Call("position-agent")).ToList();
        byte[][] lines = calls.Select(call => JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, call))).ToArray();
        string path = Path.Combine(directory, JournalDirectory.SegmentFileName(7));
        await File.WriteAllBytesAsync(path, [.. lines[0], .. lines[1], .. lines[2]]);
        // A crash after the first record's write and its position were saved (here: the database does not have it, so a repeat would show).
        new ReplayPosition(7, lines[0].Length).Save(Path.Combine(directory, JournalDirectory.PositionFileName));

        await using var rig = new JournalRig(Db, directory: directory, ownsDirectory: true);
        rig.StartReplay();
        await rig.LogAsync("Replayed 2 call records");

        Assert.Equal(0, await CallRecords.CallsAsync(Db, calls[0].CallUuid));
        Assert.Equal(2, await CallRecords.CallsAsync(Db, calls[1].CallUuid, calls[2].CallUuid));
        Assert.Empty(rig.SegmentFiles());
    }

    [Fact]
    public async Task A_position_about_another_segment_is_ignored_and_the_segment_replayed_from_its_start()
    {
        string directory = JournalRig.NewDirectory();
        Directory.CreateDirectory(directory);
        var calls = Enumerable.Range(0, 2).Select(_ => CallRecords.Call()).ToList();
        await File.WriteAllBytesAsync(Path.Combine(directory, JournalDirectory.SegmentFileName(3)),
            [.. calls.SelectMany(call => JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, call)))]);
        new ReplayPosition(5, 10).Save(Path.Combine(directory, JournalDirectory.PositionFileName));

        await using var rig = new JournalRig(Db, directory: directory, ownsDirectory: true);
        rig.StartReplay();
        await rig.LogAsync("Replayed 2 call records");

        Assert.Equal(2, await CallRecords.CallsAsync(Db, calls[0].CallUuid, calls[1].CallUuid));
        Assert.False(File.Exists(Path.Combine(directory, JournalDirectory.PositionFileName)));
    }

    [Fact]
    public async Task Journaled_calls_keep_their_switch_and_lines_from_before_switch_names_replay_with_none()
    {
        string directory = JournalRig.NewDirectory();
        Directory.CreateDirectory(directory);
        var outbound = CallRecords.Call("switch-agent") with { SwitchName = "sw2" };
        var inbound = new InboundCallRecord(
            Guid.NewGuid(), CallRecords.NewCustomer(), "+862152810000", "callback", "switch-agent", "switch-agent", "agent_answered", JournalRig.Start, JournalRig.Start.AddSeconds(30), SwitchName: "sw2");
        await File.WriteAllBytesAsync(Path.Combine(directory, JournalDirectory.SegmentFileName(1)), [
            .. JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, outbound)),
            .. JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, inbound)),
            .. Encoding.UTF8.GetBytes($"{JournalCodecTests.OutboundLineWithoutSwitch}\n{JournalCodecTests.InboundLineWithoutSwitch}\n"),
        ]);

        await using var rig = new JournalRig(Db, directory: directory, ownsDirectory: true);
        rig.StartReplay();
        LogRecord summary = await rig.LogAsync("Replayed 4 call records");

        Assert.Contains(": 4 written, 0 already stored, 0 dead-lettered", summary.Message, StringComparison.Ordinal);
        Assert.Equal("sw2", await Sql.ScalarAsync<string>(Db, "select switch_name from outbound_calls where call_uuid = $1", outbound.CallUuid));
        Assert.Equal("sw2", await Sql.ScalarAsync<string>(Db, "select switch_name from inbound_calls where call_uuid = $1", inbound.CallUuid));
        Assert.True(await Sql.ScalarAsync<bool>(Db, "select switch_name is null from outbound_calls where call_uuid = '0193a000-0000-7000-8000-000000000029'"));
        Assert.True(await Sql.ScalarAsync<bool>(Db, "select switch_name is null from inbound_calls where call_uuid = '0193a000-0000-7000-8000-00000000002a'"));
        Assert.Empty(rig.DeadLetters());
    }

    [Fact]
    public async Task Lines_of_unknown_type_or_version_and_unreadable_lines_go_to_the_dead_letter_file_and_replay_goes_on()
    {
        string directory = JournalRig.NewDirectory();
        Directory.CreateDirectory(directory);
        var before = CallRecords.Call();
        var after = CallRecords.Call();
        string unknown = """{"v":1,"type":"transfer","id":"0193a000-0000-7000-8000-000000000001","createdAt":"2026-11-30T10:00:00+00:00","record":{"to":"1002"}}""";
        string newer = """{"v":2,"type":"outbound_call","id":"0193a000-0000-7000-8000-000000000002","createdAt":"2026-11-30T10:00:00+00:00","record":{}}""";
        string missingField = """{"v":1,"type":"outbound_call_end","id":"0193a000-0000-7000-8000-000000000003","createdAt":"2026-11-30T10:00:00+00:00","record":{"disposition":"SUCCESS"}}""";
        await File.WriteAllBytesAsync(Path.Combine(directory, JournalDirectory.SegmentFileName(1)), [
            .. JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, before)),
            .. Encoding.UTF8.GetBytes($"{unknown}\n{newer}\nnot json at all\n{missingField}\n"),
            .. JournalCodec.Encode(new JournalEntry(Guid.NewGuid(), JournalRig.Start, after)),
        ]);

        await using var rig = new JournalRig(Db, directory: directory, ownsDirectory: true);
        rig.StartReplay();
        LogRecord summary = await rig.LogAsync("Replayed 6 call records");

        Assert.Contains(": 2 written, 0 already stored, 4 dead-lettered", summary.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CallRecords.CallsAsync(Db, before.CallUuid, after.CallUuid));
        var letters = rig.DeadLetters().Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([unknown, newer, "not json at all", missingField], letters.Select(l => l.GetProperty("line").GetString()));
        Assert.Equal(
            ["segment-000000000001.jsonl line 2", "segment-000000000001.jsonl line 3", "segment-000000000001.jsonl line 4", "segment-000000000001.jsonl line 5"],
            letters.Select(l => l.GetProperty("source").GetString()));
        string[] reasons = letters.Select(l => l.GetProperty("reason").GetString()!).ToArray();
        Assert.Equal("unknown record type 'transfer'", reasons[0]);
        Assert.Equal("journal line version 2; this build reads version 1", reasons[1]);
        Assert.StartsWith("not a journal line", reasons[2], StringComparison.Ordinal);
        Assert.StartsWith("the outbound_call_end record does not read", reasons[3], StringComparison.Ordinal);
        Assert.Empty(rig.SegmentFiles());
    }

    [Fact]
    public async Task A_journaled_record_the_database_refuses_is_dead_lettered_once_and_not_retried()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var bad = CallRecords.UnscoredSurvey(template);
        var good = CallRecords.Call();
        await rig.Journal.WriteAsync(bad, CancellationToken.None);
        await rig.Journal.WriteAsync(good, CancellationToken.None);
        link.Restore();

        rig.StartReplay();
        await rig.LogAsync("Replayed 2 call records");
        // Another outage and replay: the refused record must not come round again.
        link.Cut();
        await rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None);
        await rig.LogAsync("attempt 1, retrying");
        link.Restore();
        rig.Time.Advance(rig.Options.MaxRetryDelay);
        await rig.LogAsync("Replayed 1 call records");

        JsonElement letter = JsonDocument.Parse(Assert.Single(rig.DeadLetters())).RootElement;
        Assert.StartsWith("refused by the database: ", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("(constraint survey_results_rated_has_score, SQLSTATE 23514)", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(rig.Logger.Records, r => r.Level == LogLevel.Error);
        Assert.Equal(1, await CallRecords.CallsAsync(Db, good.CallUuid));
        Assert.Equal(0, await CallRecords.SurveysAsync(Db, bad.CallUuid));
        Assert.Empty(rig.SegmentFiles());
        rig.AssertNoFullNumberLogged([bad.CustomerNumber]);
    }

    [Fact]
    public async Task An_end_written_while_its_call_is_still_in_the_journal_is_applied_after_the_call()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        var call = CallRecords.Call();
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(call, CancellationToken.None));
        link.Restore();
        rig.Time.Advance(rig.Options.DirectRetryInterval);

        // The database is back but the call has not been replayed yet: the end finds no row.
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(CallRecords.End(call.CallUuid), CancellationToken.None));
        rig.StartReplay();
        await rig.LogAsync("Replayed 2 call records");

        Assert.Equal("SUCCESS", await Sql.ScalarAsync<string>(Db, "select disposition from outbound_calls where call_uuid = $1", call.CallUuid));
        Assert.Equal(JournalRig.Start.AddSeconds(65).UtcDateTime, await Sql.ScalarAsync<DateTime>(Db, "select ended_at from outbound_calls where call_uuid = $1", call.CallUuid));
        Assert.Empty(rig.SegmentFiles());
    }

    [Fact]
    public async Task An_end_that_arrives_before_its_call_waits_in_the_journal_and_is_applied_once_the_call_is_stored()
    {
        await using var rig = new JournalRig(Db);
        var call = CallRecords.Call();
        rig.StartReplay();
        await rig.LogAsync("Call record journal replay started");

        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(CallRecords.End(call.CallUuid), CancellationToken.None));
        await rig.LogAsync("left 1 call end(s) waiting for their call");
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(call, CancellationToken.None));
        Assert.Null(await Sql.ScalarAsync<object>(Db, "select disposition from outbound_calls where call_uuid = $1", call.CallUuid) as string);
        rig.Time.Advance(rig.Options.UnmatchedEndRetryInterval);
        LogRecord summary = await rig.LogAsync("Replayed 1 call records");

        Assert.Contains(": 1 written", summary.Message, StringComparison.Ordinal);
        Assert.Equal("SUCCESS", await Sql.ScalarAsync<string>(Db, "select disposition from outbound_calls where call_uuid = $1", call.CallUuid));
        Assert.Empty(rig.JournalLines());
        Assert.Empty(rig.DeadLetters());
    }

    [Fact]
    public async Task An_end_whose_call_never_arrives_goes_to_the_dead_letter_file_after_the_patience_runs_out()
    {
        await using var rig = new JournalRig(Db, new CallRecordJournalOptions
        {
            UnmatchedEndRetryInterval = TimeSpan.FromSeconds(30),
            UnmatchedEndPatience = TimeSpan.FromSeconds(60),
        });
        var orphan = CallRecords.End(Guid.NewGuid());
        rig.StartReplay();
        await rig.LogAsync("Call record journal replay started");

        await rig.Journal.WriteAsync(orphan, CancellationToken.None);
        await rig.LogAsync("left 1 call end(s) waiting", count: 1);
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        await rig.LogAsync("left 1 call end(s) waiting", count: 2);
        Assert.Empty(rig.DeadLetters());
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        await rig.LogAsync("Replayed 1 call records");

        JsonElement letter = JsonDocument.Parse(Assert.Single(rig.DeadLetters())).RootElement;
        Assert.Equal("no outbound call with this UUID was stored within 00:01:00", letter.GetProperty("reason").GetString());
        Assert.Contains(orphan.CallUuid.ToString(), letter.GetProperty("line").GetString(), StringComparison.Ordinal);
        Assert.Contains(rig.Logger.Records, r => r.Level == LogLevel.Error && r.Message.Contains($"end of outbound call {orphan.CallUuid}", StringComparison.Ordinal));
        Assert.Empty(rig.JournalLines());
    }

    [Fact]
    public async Task Cancelling_the_loop_while_the_database_is_away_stops_it_with_a_log_line_and_keeps_the_journal()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        await rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None);
        rig.StartReplay();
        await rig.LogAsync("attempt 1, retrying");

        await rig.StopReplayAsync();

        LogRecord stopped = await rig.LogAsync("Call record journal replay stopped");
        Assert.StartsWith("Call record journal replay stopped: the host is stopping; 1 segment(s) stay in", stopped.Message, StringComparison.Ordinal);
        Assert.Single(rig.JournalLines());
    }

    [Fact]
    public async Task The_loop_may_run_only_once()
    {
        await using var rig = new JournalRig(Db);
        rig.StartReplay();

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Journal.RunAsync(CancellationToken.None));
    }
}
