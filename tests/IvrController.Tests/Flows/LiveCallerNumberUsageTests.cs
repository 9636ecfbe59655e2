using IvrController.Flows;
using IvrController.Rules.Settings;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IvrController.Tests.Flows;

public sealed class LiveCallerNumberUsageTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static CallerNumber Number(string raw) => new() { Number = ChineseNumberNormalizer.Default.Normalize(raw) };

    [Fact]
    public void A_call_counts_as_concurrent_until_it_ends_and_as_today_for_the_rest_of_the_day()
    {
        var usage = new LiveCallerNumberUsage(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)), new CallCentreDay(Shanghai));
        CallerNumber number = Number("02152810000");

        IDisposable first = usage.Begin(number.E164);
        using (usage.Begin(number.E164))
        {
            Assert.Equal((2, 2), (usage.ConcurrentCalls(number), usage.CallsToday(number)));
        }

        first.Dispose();
        first.Dispose();
        Assert.Equal((0, 2), (usage.ConcurrentCalls(number), usage.CallsToday(number)));
    }

    [Fact]
    public void Today_starts_at_midnight_in_the_configured_zone_not_in_utc()
    {
        // 15:59 UTC is 23:59 in Shanghai; two minutes later it is the next day there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero));
        var usage = new LiveCallerNumberUsage(clock, new CallCentreDay(Shanghai));
        CallerNumber number = Number("02152810000");
        usage.SeedToday(new Dictionary<string, int> { [number.E164] = 41 });
        using (usage.Begin(number.E164))
        {
            Assert.Equal(42, usage.CallsToday(number));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8)), usage.StartOfToday);

            clock.Advance(TimeSpan.FromMinutes(2));

            Assert.Equal(0, usage.CallsToday(number));
            Assert.Equal(1, usage.ConcurrentCalls(number));
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)), usage.StartOfToday);
        }
    }
}
