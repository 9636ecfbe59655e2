using IvrController.TestSupport;
using System.Text.Json;
using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>The write path: database first, journal when it fails, dead-letter file when it refuses.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallRecordJournalWriteTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private string Db => database.ConnectionString;

    [Fact]
    public async Task Records_go_straight_to_the_call_log_while_the_database_is_up_and_the_journal_stays_empty()
    {
        await using var rig = new JournalRig(Db);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var call = CallRecords.Call();
        var survey = CallRecords.Survey(template);

        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(call, CancellationToken.None));
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(CallRecords.End(call.CallUuid), CancellationToken.None));
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(survey, CancellationToken.None));
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(CallRecords.Missed("direct-1"), CancellationToken.None));

        Assert.Equal(1, await CallRecords.CallsAsync(Db, call.CallUuid));
        Assert.Equal("SUCCESS", await Sql.ScalarAsync<string>(Db, "select disposition from outbound_calls where call_uuid = $1", call.CallUuid));
        Assert.Equal(1, await CallRecords.SurveysAsync(Db, survey.CallUuid));
        Assert.Equal(1, await CallRecords.MissedAsync(Db, "direct-1"));
        Assert.Empty(rig.SegmentFiles());
        Assert.Empty(rig.DeadLetters());
    }

    [Fact]
    public async Task Records_written_while_the_database_is_down_are_in_the_journal_file_when_the_write_returns()
    {
        await using var rig = new JournalRig(CallRecords.ClosedPort(Db));
        var call = CallRecords.Call();
        var end = CallRecords.End(call.CallUuid);
        var survey = CallRecords.Survey(templateId: 7);
        var missed = CallRecords.Missed("down-1");

        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(call, CancellationToken.None));
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(end, CancellationToken.None));
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(survey, CancellationToken.None));
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(missed, CancellationToken.None));

        IReadOnlyList<string> lines = rig.JournalLines();
        Assert.Equal(
            ["outbound_call", "outbound_call_end", "survey_result", "missed_callback"],
            lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
        Assert.All(lines, line => Assert.Equal(1, JsonDocument.Parse(line).RootElement.GetProperty("v").GetInt32()));
        var records = lines.Select(line => Assert.IsType<JournalEntry>(Decode(line)).Record).ToList();
        Assert.Equal<object>([call, end, survey, missed], records);
        await rig.LogAsync("Call records cannot reach the database");
        rig.AssertNoFullNumberLogged([call.CustomerNumber, survey.CustomerNumber, missed.CustomerNumber]);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_within_the_timeout_gets_the_record_journaled_and_later_writes_do_not_wait()
    {
        await using var link = PostgresLink.Up(Db);
        link.Hang();
        await using var rig = new JournalRig(link.ConnectionString);

        Task<CallRecordDestination> first = rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None);
        Assert.False(first.IsCompleted);
        rig.Time.Advance(rig.Options.DatabaseTimeout);

        Assert.Equal(CallRecordDestination.Journal, await first.WaitAsync(Patience));
        Assert.Contains("did not answer within 2 s", (await rig.LogAsync("Call records cannot reach the database")).Message, StringComparison.Ordinal);
        // The clock stands still: a write that tried the database would wait for ever.
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(2, rig.JournalLines().Count);
    }

    [Fact]
    public async Task After_a_failure_writes_try_the_database_again_once_the_pause_is_over()
    {
        await using var link = PostgresLink.Down(Db);
        await using var rig = new JournalRig(link.ConnectionString, new CallRecordJournalOptions { DirectRetryInterval = TimeSpan.FromSeconds(10) });
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(CallRecords.Call(), CancellationToken.None));
        link.Restore();

        var paused = CallRecords.Call();
        Assert.Equal(CallRecordDestination.Journal, await rig.Journal.WriteAsync(paused, CancellationToken.None));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        var resumed = CallRecords.Call();
        Assert.Equal(CallRecordDestination.Database, await rig.Journal.WriteAsync(resumed, CancellationToken.None));

        Assert.Equal(0, await CallRecords.CallsAsync(Db, paused.CallUuid));
        Assert.Equal(1, await CallRecords.CallsAsync(Db, resumed.CallUuid));
    }

    [Fact]
    public async Task A_cancelled_write_is_journaled_all_the_same()
    {
        await using var link = PostgresLink.Up(Db);
        link.Hang();
        await using var rig = new JournalRig(link.ConnectionString);
        using var cancel = new CancellationTokenSource();
        var call = CallRecords.Call();

        Task<CallRecordDestination> write = rig.Journal.WriteAsync(call, cancel.Token);
        await cancel.CancelAsync();

        Assert.Equal(CallRecordDestination.Journal, await write.WaitAsync(Patience));
        Assert.Contains(call.CallUuid.ToString(), Assert.Single(rig.JournalLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_the_database_refuses_is_kept_in_the_dead_letter_file_and_logged_as_an_error_with_the_number_masked()
    {
        await using var rig = new JournalRig(Db);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var bad = CallRecords.UnscoredSurvey(template, customer: "+8613912345678");

        Assert.Equal(CallRecordDestination.DeadLetter, await rig.Journal.WriteAsync(bad, CancellationToken.None));

        JsonElement letter = JsonDocument.Parse(Assert.Single(rig.DeadLetters())).RootElement;
        Assert.Contains("survey_results_rated_has_score", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(bad, Assert.IsType<JournalEntry>(Decode(letter.GetProperty("line").GetString()!)).Record);
        LogRecord error = Assert.Single(rig.Logger.Records, r => r.Level == LogLevel.Error);
        Assert.Contains("from 139****5678", error.Message, StringComparison.Ordinal);
        rig.AssertNoFullNumberLogged([bad.CustomerNumber]);
        Assert.Empty(rig.SegmentFiles());
        Assert.Equal(0, await CallRecords.SurveysAsync(Db, bad.CallUuid));
    }

    [Fact]
    public async Task Two_hundred_concurrent_writes_while_the_database_is_down_are_each_journaled_once()
    {
        await using var rig = new JournalRig(CallRecords.ClosedPort(Db));
        var calls = Enumerable.Range(0, 200).Select(_ => CallRecords.Call()).ToList();

        var destinations = await Task.WhenAll(calls.Select(call => Task.Run(() => rig.Journal.WriteAsync(call, CancellationToken.None))));

        Assert.All(destinations, d => Assert.Equal(CallRecordDestination.Journal, d));
        var journaled = rig.JournalLines().Select(line => ((OutboundCallRecord)Decode(line)!.Record).CallUuid).ToList();
        Assert.Equal(calls.Select(c => c.CallUuid).Order(), journaled.Order());
    }

    [Fact]
    public async Task Two_hundred_concurrent_writes_across_a_cut_each_land_in_the_database_exactly_once()
    {
        await using var link = PostgresLink.Up(Db);
        await using var rig = new JournalRig(link.ConnectionString);
        int template = await CallRecords.SurveyTemplateAsync(Db);
        var calls = Enumerable.Range(0, 100).Select(_ => CallRecords.Call()).ToList();
        var surveys = Enumerable.Range(0, 50).Select(_ => CallRecords.Survey(template)).ToList();
        var missed = Enumerable.Range(0, 50).Select(_ => CallRecords.Missed("cut-agent")).ToList();
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int done = 0;

        Task<CallRecordDestination> Write(Func<Task<CallRecordDestination>> write, bool afterTheCut = false) => Task.Run(async () =>
        {
            if (afterTheCut)
            {
                await cut.Task;
            }

            CallRecordDestination destination = await write();
            // Half-way through, the database goes away under the writers still in flight.
            if (Interlocked.Increment(ref done) == 100)
            {
                link.Cut();
                cut.SetResult();
            }

            return destination;
        });

        var destinations = await Task.WhenAll(
            calls.Select(c => Write(() => rig.Journal.WriteAsync(c, CancellationToken.None)))
                .Concat(surveys.Select(s => Write(() => rig.Journal.WriteAsync(s, CancellationToken.None))))
                .Concat(missed.Select(m => Write(() => rig.Journal.WriteAsync(m, CancellationToken.None), afterTheCut: true))));
        link.Restore();
        int journaled = destinations.Count(d => d == CallRecordDestination.Journal);
        Assert.InRange(journaled, 50, 100);
        rig.StartReplay();
        await rig.ReplayedAfterOutageAsync($"Replayed {journaled} call records");

        Assert.DoesNotContain(CallRecordDestination.DeadLetter, destinations);
        Assert.Equal(100, await CallRecords.CallsAsync(Db, calls.Select(c => c.CallUuid).ToArray()));
        Assert.Equal(50, await CallRecords.SurveysAsync(Db, surveys.Select(s => s.CallUuid).ToArray()));
        Assert.Equal(50, await CallRecords.MissedAsync(Db, "cut-agent"));
        Assert.Empty(rig.JournalLines());
    }

    [Fact]
    public async Task A_journal_directory_that_cannot_be_created_is_refused_at_start()
    {
        string parent = JournalRig.NewDirectory();
        Directory.CreateDirectory(parent);
        string file = Path.Combine(parent, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new JournalRig(Db, directory: Path.Combine(file, "journal")));

            Assert.Contains($"'{Path.Combine(file, "journal")}' is not writable", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_journal_on_the_same_directory_is_refused()
    {
        await using var first = new JournalRig(Db);

        var error = Assert.Throws<InvalidOperationException>(() => new JournalRig(Db, directory: first.Directory));

        Assert.Contains("in use by another controller", error.Message, StringComparison.Ordinal);
    }

    private static JournalEntry? Decode(string line) =>
        JournalCodec.TryDecode(System.Text.Encoding.UTF8.GetBytes(line), out JournalEntry? entry, out string? problem)
            ? entry
            : throw new Xunit.Sdk.XunitException(problem);
}
