namespace IvrController.Integration.Switch;

/// <summary>IVR_TEST_FREESWITCH is set but wrong: every problem, so one edit fixes them all.</summary>
public sealed class SwitchSettingsException(IReadOnlyList<string> problems)
    : Exception($"{SwitchUnderTest.EnvironmentVariable} cannot be used:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", problems)}{Environment.NewLine}{SwitchUnderTest.FormatHelp}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
