using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// A real-switch test that restarts the switch: it runs only on a switch the test run started itself
/// (scripts/test.sh with IVR_TEST_FREESWITCH=start sets IVR_TEST_SWITCH_RESTART, or a container the
/// suite starts with IVR_TEST_FREESWITCH=container), never on a
/// deployment being accepted. Skipped, with the reason, everywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ManagedSwitchFactAttribute : FactAttribute
{
    public const string RestartVariable = "IVR_TEST_SWITCH_RESTART";

    public ManagedSwitchFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
        else if (string.IsNullOrWhiteSpace(RestartCommand) && !ContainerizedSwitch.IsRequested)
        {
            Skip = $"NOT RUN: this test restarts the switch, so it runs only on one the test run started itself (IVR_TEST_FREESWITCH=start); {RestartVariable} is not set.";
        }
    }

    /// <summary>The shell command that restarts the switch under test.</summary>
    public static string? RestartCommand => Environment.GetEnvironmentVariable(RestartVariable);
}
