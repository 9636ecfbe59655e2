namespace IvrController.Hosting;

/// <summary>The controller cannot start with its settings; the message lists every problem.</summary>
public sealed class ControllerSettingsException : Exception
{
    public ControllerSettingsException()
    {
    }

    public ControllerSettingsException(string message)
        : base(message)
    {
    }

    public ControllerSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ControllerSettingsException(IReadOnlyList<string> problems)
        : base("The controller cannot start:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
