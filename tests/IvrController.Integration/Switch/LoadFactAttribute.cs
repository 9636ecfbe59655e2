using Xunit;

namespace IvrController.Integration.Switch;

/// <summary>
/// The opt-in load test on the real switch: runs only when IVR_TEST_LOAD says how much
/// (<c>150@5</c>: 150 calls at 5 calls per second) and the switch suite itself is enabled.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LoadFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "IVR_TEST_LOAD";

    public LoadFactAttribute()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            Skip = SwitchUnderTest.SkipReason;
        }
        else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            Skip = $"opt-in load test: set {EnvironmentVariable}=150@5 (calls@calls per second) to run it";
        }
    }

    /// <summary>IVR_TEST_LOAD as (calls, calls per second); throws with the expected form when it is malformed.</summary>
    public static (int Calls, double PerSecond) FromEnvironment()
    {
        string text = Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "";
        string[] parts = text.Split('@');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out int calls) && calls > 0
            && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out double rate) && rate > 0
            ? (calls, rate)
            : throw new InvalidOperationException($"{EnvironmentVariable}='{text}': expected calls@calls-per-second, e.g. 150@5");
    }
}
