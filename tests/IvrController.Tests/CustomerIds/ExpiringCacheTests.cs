using IvrController.CustomerIds;
using Xunit;

namespace IvrController.Tests.CustomerIds;

public sealed class ExpiringCacheTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_full_the_least_recently_used_entry_goes_first()
    {
        var cache = new ExpiringCache<string>(2);
        cache.Set("a", "A", Now.AddMinutes(1));
        cache.Set("b", "B", Now.AddMinutes(1));
        Assert.True(cache.TryGet("a", Now, out _));

        cache.Set("c", "C", Now.AddMinutes(1));

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", Now, out string? a));
        Assert.Equal("A", a);
        Assert.False(cache.TryGet("b", Now, out _));
        Assert.True(cache.TryGet("c", Now, out _));
    }

    [Fact]
    public void An_entry_is_a_miss_from_its_expiry_on_and_is_dropped()
    {
        var cache = new ExpiringCache<string>(10);
        cache.Set("a", "A", Now.AddSeconds(60));

        Assert.True(cache.TryGet("a", Now.AddSeconds(59), out _));
        Assert.False(cache.TryGet("a", Now.AddSeconds(60), out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_remembered_not_found_is_a_hit_with_no_value()
    {
        var cache = new ExpiringCache<string>(10);
        cache.Set("a", null, Now.AddSeconds(60));

        Assert.True(cache.TryGet("a", Now, out string? value));
        Assert.Null(value);
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_and_expiry_without_growing()
    {
        var cache = new ExpiringCache<string>(10);
        cache.Set("a", null, Now.AddSeconds(60));
        cache.Set("a", "A", Now.AddMinutes(10));

        Assert.True(cache.TryGet("a", Now.AddMinutes(5), out string? value));
        Assert.Equal(("A", 1), (value, cache.Count));
    }

    [Fact]
    public void A_capacity_of_zero_keeps_nothing()
    {
        var cache = new ExpiringCache<string>(0);
        cache.Set("a", "A", Now.AddMinutes(1));

        Assert.False(cache.TryGet("a", Now, out _));
    }
}
