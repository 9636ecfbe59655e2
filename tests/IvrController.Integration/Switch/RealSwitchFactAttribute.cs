using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// A test that needs the real switch: reported Skipped, with how to enable it, when
/// IVR_TEST_FREESWITCH is not set, so that no run without a switch counts it as passed.
/// Set but wrong, the test runs and fails on the settings (never a quiet skip).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealSwitchFactAttribute : FactAttribute
{
    public RealSwitchFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
    }
}
