using IvrController.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Hosting;

public sealed class BatchedConsoleLogTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 15, 2, 123, TimeSpan.Zero));

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Information_waits_for_the_flush_delay_and_then_goes_out_in_one_batch_in_order()
    {
        using var log = new BatchedConsoleLog(_output, _time);
        ILogger calls = log.CreateLogger("IvrController.Flows.CallDispatcher");

        calls.LogInformation("Call {Uuid} done: {Outcome}", "a-1", "Bridged");
        calls.LogInformation("Call {Uuid} done: {Outcome}", "a-2", "Rated");
        string beforeTheDelay = _output.ToString();
        _time.Advance(BatchedConsoleLog.FlushDelay);

        Assert.Equal("", beforeTheDelay);
        Assert.Equal(
            "2026-12-03 10:15:02.123 info: IvrController.Flows.CallDispatcher[0] Call a-1 done: Bridged\n" +
            "2026-12-03 10:15:02.123 info: IvrController.Flows.CallDispatcher[0] Call a-2 done: Rated\n",
            _output.ToString());
    }

    [Fact]
    public void A_warning_is_written_at_once_after_the_lines_buffered_before_it()
    {
        using var log = new BatchedConsoleLog(_output, _time);
        ILogger journal = log.CreateLogger("Journal");

        journal.LogInformation("first");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        journal.LogWarning(new EventId(7), "the database is away");

        Assert.Equal(
            "2026-12-03 10:15:02.123 info: Journal[0] first\n" +
            "2026-12-03 10:15:02.128 warn: Journal[7] the database is away\n",
            _output.ToString());
    }

    [Theory]
    [InlineData(2027, 1, 5, 3, 4, 5, 7, "2027-01-05 03:04:05.007")]
    [InlineData(2026, 12, 31, 23, 59, 59, 999, "2026-12-31 23:59:59.999")]
    [InlineData(2030, 10, 10, 0, 0, 0, 0, "2030-10-10 00:00:00.000")]
    public void Timestamps_are_utc_with_every_field_zero_padded(int year, int month, int day, int hour, int minute, int second, int millisecond, string expected)
    {
        // Given in China's offset: the log says UTC.
        var at = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        using var log = new BatchedConsoleLog(_output, new FakeTimeProvider(at));

        log.CreateLogger("Host").LogWarning("now");

        Assert.Equal($"{expected} warn: Host[0] now\n", _output.ToString());
    }

    [Fact]
    public async Task A_batch_waits_for_the_lock_whoever_else_writes_there_holds()
    {
        object consoleLock = new();
        using var log = new BatchedConsoleLog(_output, _time, consoleLock);
        log.CreateLogger("Host").LogInformation("buffered");

        Task flushing;
        string whileHeld;
        lock (consoleLock)
        {
            flushing = Task.Run(log.Flush);
            Thread.Sleep(200);
            whileHeld = _output.ToString();
        }

        await flushing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("", whileHeld);
        Assert.Equal("2026-12-03 10:15:02.123 info: Host[0] buffered\n", _output.ToString());
    }

    [Fact]
    public void An_exception_follows_its_line_and_errors_say_fail()
    {
        using var log = new BatchedConsoleLog(_output, _time);

        log.CreateLogger("Flows").LogError(new InvalidOperationException("boom"), "the call handler failed");

        string[] lines = _output.ToString().Split('\n');
        Assert.Equal("2026-12-03 10:15:02.123 fail: Flows[0] the call handler failed", lines[0]);
        Assert.Equal("System.InvalidOperationException: boom", lines[1]);
    }

    [Fact]
    public void Stopping_writes_what_is_still_buffered_and_later_lines_go_out_at_once()
    {
        var log = new BatchedConsoleLog(_output, _time);
        ILogger host = log.CreateLogger("Host");
        host.LogInformation("stopping");

        log.Dispose();
        string atDispose = _output.ToString();
        host.LogInformation("late");

        Assert.Equal("2026-12-03 10:15:02.123 info: Host[0] stopping\n", atDispose);
        Assert.EndsWith("info: Host[0] late\n", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_logged_from_many_threads_all_arrive_whole()
    {
        using var log = new BatchedConsoleLog(TextWriter.Synchronized(_output), TimeProvider.System);
        ILogger calls = log.CreateLogger("Calls");

        Parallel.For(0, 8, thread =>
        {
            for (int i = 0; i < 500; i++)
            {
                calls.LogInformation("thread {Thread} line {Line}", thread, i);
                if (i % 50 == 0)
                {
                    log.Flush();
                }
            }
        });
        log.Flush();

        string[] lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4000, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} info: Calls\[0\] thread \d line \d+$", line));
        for (int thread = 0; thread < 8; thread++)
        {
            int[] order = lines.Where(l => l.Contains($"thread {thread} ", StringComparison.Ordinal))
                .Select(l => int.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Enumerable.Range(0, 500), order);
        }
    }
}
