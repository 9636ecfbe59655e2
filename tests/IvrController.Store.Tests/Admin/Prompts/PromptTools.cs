using IvrController.Admin.Prompts;
using Xunit;

namespace IvrController.Store.Tests.Admin.Prompts;

/// <summary>A prompts directory of its own per test, and a studio on it using the real espeak-ng and sox.</summary>
internal sealed class PromptTools : IDisposable
{
    public PromptTools(string? switchDirectory = null, Action<PromptsOptions>? change = null)
    {
        Assert.True(Installed("espeak-ng") && Installed("sox"),
            "espeak-ng and sox are needed by the prompt tests: apt-get install -y espeak-ng sox (scripts/test.sh installs them when run as root)");
        Directory = System.IO.Directory.CreateTempSubdirectory("ivr-prompts-test-").FullName;
        Options = new PromptsOptions { Directory = Directory, SwitchDirectory = switchDirectory };
        change?.Invoke(Options);
        Studio = new PromptStudio(Options);
    }

    public string Directory { get; }

    public PromptsOptions Options { get; }

    public PromptStudio Studio { get; }

    /// <summary>Every file in the prompts directory, temporary ones included.</summary>
    public string[] Files() => System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static bool Installed(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
