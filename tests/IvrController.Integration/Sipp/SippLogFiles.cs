namespace IvrController.Integration.Sipp;

/// <summary>Where one sipp run keeps its logs: all in the test's log directory, named after the phone.</summary>
public sealed record SippLogFiles(string Directory, string Name)
{
    public string Messages => Path.Combine(Directory, $"{Name}.messages.log");

    public string Errors => Path.Combine(Directory, $"{Name}.errors.log");

    public string Actions => Path.Combine(Directory, $"{Name}.actions.log");

    public string Screen => Path.Combine(Directory, $"{Name}.screen.log");

    public string Stdout => Path.Combine(Directory, $"{Name}.stdout.log");

    public string Stderr => Path.Combine(Directory, $"{Name}.stderr.log");
}
