using IvrController.CustomerIds;
using Xunit;

namespace IvrController.Tests.CustomerIds;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 25)]
    [InlineData(1, 0.999999, 50)]
    [InlineData(2, 0.0, 50)]
    [InlineData(2, 0.999999, 100)]
    [InlineData(3, 0.5, 150)]
    public void Each_retry_doubles_the_wait_and_jitter_takes_off_up_to_half(int retry, double sample, double expectedMilliseconds)
    {
        TimeSpan delay = RetryBackoff.Delay(TimeSpan.FromMilliseconds(50), retry, sample);

        Assert.Equal(expectedMilliseconds, delay.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void A_zero_base_never_waits()
    {
        Assert.Equal(TimeSpan.Zero, RetryBackoff.Delay(TimeSpan.Zero, 3, 0.7));
    }
}
