using IvrController.Retries;
using Xunit;

namespace IvrController.Esl.Tests.Shared;

public sealed class CappedBackoffTests
{
    private static readonly CappedBackoff OneToThirtySeconds = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(int.MaxValue, 30)]
    public void Each_wait_doubles_the_one_before_up_to_the_cap(int earlierWaits, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, OneToThirtySeconds.Delay(earlierWaits, jitterSample: 0).TotalSeconds, precision: 6);
    }

    [Theory]
    [InlineData(0.0, 30)]
    [InlineData(0.5, 27)]
    [InlineData(0.999999, 24)]
    public void Jitter_takes_off_at_most_its_share(double sample, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, OneToThirtySeconds.Delay(10, sample).TotalSeconds, precision: 3);
    }

    [Fact]
    public void A_half_jitter_share_spreads_waits_between_half_and_the_whole()
    {
        var backoff = new CappedBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10), JitterShare: 0.5);

        Assert.Equal(100, backoff.Delay(1, 0).TotalMilliseconds, precision: 6);
        Assert.Equal(50, backoff.Delay(1, 0.999999).TotalMilliseconds, precision: 3);
        Assert.Equal(10_000, backoff.Delay(30, 0).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void A_zero_initial_delay_never_waits_and_a_negative_count_waits_the_initial_delay()
    {
        Assert.Equal(TimeSpan.Zero, new CappedBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)).Delay(3, 0.7));
        Assert.Equal(TimeSpan.FromSeconds(1), OneToThirtySeconds.Delay(-5, 0));
    }

    [Fact]
    public void Random_jitter_stays_inside_its_range()
    {
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(OneToThirtySeconds.Delay(3), TimeSpan.FromSeconds(6.4), TimeSpan.FromSeconds(8));
        }
    }
}
