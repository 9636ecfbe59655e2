using IvrController.Store.Calls.Journal;
using Xunit;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>How long the replay loop waits between attempts on an unreachable database.</summary>
public sealed class CallRecordJournalBackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(5, 30)]
    [InlineData(40, 30)]
    public async Task Retry_delays_double_up_to_the_cap_less_at_most_a_fifth_of_jitter(int failedAttempts, double seconds)
    {
        await using var rig = new JournalRig("Host=127.0.0.1;Port=1", new CallRecordJournalOptions
        {
            InitialRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
        });

        var delays = Enumerable.Range(0, 200).Select(_ => rig.Journal.RetryDelay(failedAttempts).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, seconds * 0.8, seconds));
        Assert.True(delays.Distinct().Count() > 1, "delays carry jitter");
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_every_reason()
    {
        var options = new CallRecordJournalOptions
        {
            Directory = JournalRig.NewDirectory(),
            DatabaseTimeout = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
            UnmatchedEndPatience = TimeSpan.FromSeconds(1),
        };

        var error = Assert.Throws<ArgumentException>(() =>
            new CallRecordJournal(new IvrController.Store.Calls.CallLog(Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1")), options, new TestLogger<CallRecordJournal>()));

        Assert.Contains("DatabaseTimeout must be positive.", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetryDelay must be at least InitialRetryDelay.", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnmatchedEndPatience must be at least UnmatchedEndRetryInterval.", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.Directory));
    }
}
