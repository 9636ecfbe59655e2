using System.Text;

namespace IvrController.Tests.Cli;

/// <summary>A file an admin would import, deleted when the test ends.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string contents, string name = "import.csv")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ivrctl-test-");
        Path = System.IO.Path.Combine(Directory.FullName, name);
        File.WriteAllText(Path, contents, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public DirectoryInfo Directory { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(recursive: true);
}
