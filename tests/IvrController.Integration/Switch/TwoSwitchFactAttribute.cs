using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// A real-switch test across two switches of one call centre: skipped, saying why, without IVR_TEST_FREESWITCH
/// (as every real-switch test) or without the second switch in IVR_TEST_FREESWITCH_PEER. Set but wrong, it runs
/// and fails on the settings.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TwoSwitchFactAttribute : FactAttribute
{
    public TwoSwitchFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
        else if (!SwitchUnderTest.IsPeerRequested)
        {
            Skip = SwitchUnderTest.NoPeerSkipReason;
        }
    }
}
