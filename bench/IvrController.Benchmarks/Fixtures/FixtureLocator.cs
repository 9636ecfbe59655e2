namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// Finds a recorded-traffic file: the build copies them into <c>Fixtures/</c> next to the
/// assembly; failing that (e.g. a toolchain that builds elsewhere), the test project's copy in
/// the repository the process runs from.
/// </summary>
internal static class FixtureLocator
{
    private const string FolderName = "Fixtures";

    private static readonly string[] RepositoryFixtures = ["tests", "IvrController.Esl.Tests", "Fixtures"];

    public static string Find(string fileName)
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string copied = Path.Combine(directory.FullName, FolderName, fileName);
                if (File.Exists(copied))
                {
                    return copied;
                }

                if (File.Exists(Path.Combine(directory.FullName, "IvrController.sln")))
                {
                    string inRepository = Path.Combine([directory.FullName, .. RepositoryFixtures, fileName]);
                    if (File.Exists(inRepository))
                    {
                        return inRepository;
                    }
                }
            }
        }

        throw new FileNotFoundException(
            $"recorded traffic '{fileName}' is neither in {FolderName}/ next to the benchmark nor under tests/ of the repository",
            fileName);
    }
}
