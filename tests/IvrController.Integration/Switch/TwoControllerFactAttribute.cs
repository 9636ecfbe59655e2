using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// A real-switch test with two controllers on one database: the suite's own and a second <c>ivrctl serve</c> the test
/// starts on the address in IVR_TEST_SECOND_CONTROLLER, which the second switch lists first in its controller_socket
/// (scripts/test.sh starts it so). Skipped, saying why, without the switches or without that address.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TwoControllerFactAttribute : FactAttribute
{
    public const string SecondControllerVariable = "IVR_TEST_SECOND_CONTROLLER";

    public const string NoSecondControllerSkipReason =
        $"NOT RUN - NO SECOND CONTROLLER: {SecondControllerVariable} is not set, so this test with two controllers was SKIPPED, not passed. " +
        $"scripts/test.sh with {SwitchUnderTest.EnvironmentVariable}=start sets it up by itself; for switches already running, start the second " +
        $"switch with IVR_CONTROLLER_SOCKET='<this address>|<the suite's controller>' and set {SecondControllerVariable} to that first address " +
        "(README: \"Several controllers\").";

    public TwoControllerFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
        else if (!SwitchUnderTest.IsPeerRequested)
        {
            Skip = SwitchUnderTest.NoPeerSkipReason;
        }
        else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SecondControllerVariable)))
        {
            Skip = NoSecondControllerSkipReason;
        }
    }

    /// <summary>Where the second controller listens; throws when the value is not host:port.</summary>
    public static HostPort SecondController()
    {
        string text = Environment.GetEnvironmentVariable(SecondControllerVariable)?.Trim() ?? "";
        return HostPort.TryParse(text, out HostPort? address, out string? problem)
            ? address!
            : throw new InvalidOperationException($"{SecondControllerVariable} is not host:port: {problem}");
    }
}
