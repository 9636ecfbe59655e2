using IvrController.Rules.Callback;
using Xunit;

namespace IvrController.Rules.Tests.Callback;

public sealed class CallbackSettingsTests
{
    [Fact]
    public void The_defaults_are_72_hours_20_seconds_and_valid()
    {
        var settings = new CallbackSettings();
        Assert.Equal(TimeSpan.FromHours(72), settings.Window);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.RingTimeout);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void A_window_of_zero_is_refused() =>
        Assert.Equal(["callback window must be longer than zero"], new CallbackSettings { Window = TimeSpan.Zero }.Validate());

    [Fact]
    public void Unknown_mode_and_impossible_ring_timeout_are_refused() =>
        Assert.Equal(
            [
                "callback mode 3 is unknown: 1 is original agent only, 2 original agent first",
                "callback window must be longer than zero",
                "callback ring timeout must be 1 to 120 s",
            ],
            new CallbackSettings { Mode = (CallbackMode)3, Window = TimeSpan.FromHours(-1), RingTimeout = TimeSpan.FromMinutes(5) }.Validate());
}
