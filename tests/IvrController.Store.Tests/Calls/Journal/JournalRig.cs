using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>
/// A journal in a fresh temporary directory over a call log at <c>connectionString</c> (gathering its
/// writes for <c>gatherWindow</c> when busy), on a fake clock, with its log kept; the replay loop runs
/// when a test starts it.
/// </summary>
internal sealed class JournalRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDirectory;
    private CancellationTokenSource? _stopReplay;
    private Task? _replay;

    /// <summary>A directory passed in is deleted at the end only when <paramref name="ownsDirectory"/> says so.</summary>
    public JournalRig(string connectionString, CallRecordJournalOptions? options = null, string? directory = null, bool ownsDirectory = false, TimeSpan gatherWindow = default)
    {
        _ownsDirectory = directory is null || ownsDirectory;
        Directory = directory ?? NewDirectory();
        Options = (options ?? new CallRecordJournalOptions()) with { Directory = Directory };
        Time = new FakeTimeProvider(Start);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        Journal = new CallRecordJournal(new CallLog(_dataSource, gatherWindow, Time), Options, Logger, Time);
    }

    public string Directory { get; }

    public CallRecordJournalOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public TestLogger<CallRecordJournal> Logger { get; } = new();

    public CallRecordJournal Journal { get; }

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "ivr-journal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leaves <paramref name="count"/> connections idle in the journal's pool: as many calls at once would.</summary>
    public async Task LeaveIdleConnectionsAsync(int count)
    {
        NpgsqlConnection[] connections = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => _dataSource.OpenConnectionAsync().AsTask()));
        foreach (NpgsqlConnection connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    public void StartReplay()
    {
        _stopReplay = new CancellationTokenSource();
        _replay = Journal.RunAsync(_stopReplay.Token);
    }

    /// <summary>Cancels the replay loop and waits for it to end.</summary>
    public async Task StopReplayAsync()
    {
        if (_stopReplay is null || _replay is null)
        {
            return;
        }

        await _stopReplay.CancelAsync();
        await _replay.WaitAsync(Patience);
        _stopReplay.Dispose();
        _stopReplay = null;
    }

    public Task<LogRecord> LogAsync(string fragment) =>
        WithLogOnTimeout(fragment, Logger.WaitForAsync(r => r.Message.Contains(fragment, StringComparison.Ordinal), Patience));

    /// <summary>
    /// Waits for the replay's summary line <paramref name="fragment"/> after an outage. Connections the
    /// outage broke may still sit idle in the pool, and the first attempt that picks one fails and
    /// retries after its backoff: each such retry is let through on the fake clock (the journal starts
    /// the timer before it logs the line), so the wait does not hang on how the pool was left.
    /// </summary>
    public async Task<LogRecord> ReplayedAfterOutageAsync(string fragment)
    {
        Task<LogRecord> replayed = LogAsync(fragment);
        for (int retries = 1; ; retries++)
        {
            int seen = 0;
            Task<LogRecord> retry = Logger.WaitForAsync(
                r => r.Message.StartsWith("Call record journal cannot replay", StringComparison.Ordinal) && ++seen == retries, Patience);
            if (await Task.WhenAny(replayed, retry) == replayed)
            {
                return await replayed;
            }

            await retry;
            Time.Advance(Options.MaxRetryDelay);
        }
    }

    /// <summary>
    /// Moves the fake clock a second at a time until a line with <paramref name="fragment"/> is logged:
    /// for a wait through several retries, whatever timers (backoff, a write's deadline) they start.
    /// </summary>
    public async Task<LogRecord> AdvanceUntilLoggedAsync(string fragment)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            LogRecord? logged = Logger.Records.FirstOrDefault(r => r.Message.Contains(fragment, StringComparison.Ordinal));
            if (logged is not null)
            {
                return logged;
            }

            if (waited.Elapsed > Patience)
            {
                return await LogAsync(fragment);
            }

            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the <paramref name="count"/>-th line containing <paramref name="fragment"/>.</summary>
    public Task<LogRecord> LogAsync(string fragment, int count)
    {
        int seen = 0;
        // The logger shows each record to the predicate once, oldest first.
        return WithLogOnTimeout(fragment, Logger.WaitForAsync(r => r.Message.Contains(fragment, StringComparison.Ordinal) && ++seen == count, Patience));
    }

    /// <summary>Every line of every segment file, oldest segment first.</summary>
    public IReadOnlyList<string> JournalLines() =>
        SegmentFiles().SelectMany(File.ReadAllLines).Where(line => line.Length > 0).ToList();

    public IReadOnlyList<string> SegmentFiles() =>
        System.IO.Directory.GetFiles(Directory, JournalDirectory.SegmentPrefix + "*").Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> DeadLetters() =>
        File.Exists(Journal.DeadLetterPath) ? File.ReadAllLines(Journal.DeadLetterPath) : [];

    /// <summary>No log line (nor logged exception) shows any of these numbers in full, with or without +86.</summary>
    public void AssertNoFullNumberLogged(IEnumerable<string> e164Numbers)
    {
        foreach (string number in e164Numbers)
        {
            string national = number.StartsWith("+86", StringComparison.Ordinal) ? number[3..] : number;
            foreach (LogRecord record in Logger.Records)
            {
                string text = record.Message + record.Exception;
                Xunit.Assert.DoesNotContain(national, text, StringComparison.Ordinal);
            }
        }
    }

    // A wait that times out says what the journal did log instead.
    private async Task<LogRecord> WithLogOnTimeout(string fragment, Task<LogRecord> wait)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException e)
        {
            string log = string.Join(Environment.NewLine, Logger.Records.TakeLast(20).Select(r => $"  {r.Level}: {r.Message}"));
            throw new TimeoutException($"No log line with '{fragment}' within {Patience.TotalSeconds} s; the last lines were:{Environment.NewLine}{log}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopReplayAsync();
        await Journal.DisposeAsync();
        await _dataSource.DisposeAsync();
        if (_ownsDirectory && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
