using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// A real-switch test that takes the second switch down and brings it back: it runs only on switches the test run
/// started itself (scripts/test.sh with IVR_TEST_FREESWITCH=start sets IVR_TEST_PEER_SWITCH_HALT and
/// IVR_TEST_PEER_SWITCH_RESTART), never on a deployment being accepted. Skipped, with the reason, everywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ManagedPeerSwitchFactAttribute : FactAttribute
{
    public const string HaltVariable = "IVR_TEST_PEER_SWITCH_HALT";
    public const string RestartVariable = "IVR_TEST_PEER_SWITCH_RESTART";

    public ManagedPeerSwitchFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
        else if (!SwitchUnderTest.IsPeerRequested)
        {
            Skip = SwitchUnderTest.NoPeerSkipReason;
        }
        else if (string.IsNullOrWhiteSpace(HaltCommand) || string.IsNullOrWhiteSpace(RestartCommand))
        {
            Skip = $"NOT RUN: this test takes the second switch down, so it runs only on one the test run started itself (IVR_TEST_FREESWITCH=start); {HaltVariable} or {RestartVariable} is not set.";
        }
    }

    /// <summary>The shell command that stops the second switch (and keeps what it needs to start again).</summary>
    public static string? HaltCommand => Environment.GetEnvironmentVariable(HaltVariable);

    /// <summary>The shell command that starts the second switch again.</summary>
    public static string? RestartCommand => Environment.GetEnvironmentVariable(RestartVariable);
}
