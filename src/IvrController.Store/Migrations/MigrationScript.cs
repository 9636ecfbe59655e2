using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IvrController.Store.Migrations;

/// <summary>One versioned SQL script embedded in this assembly (<c>Migrations/NNNN_name.sql</c>).</summary>
public sealed partial record MigrationScript(int Version, string Name, string Contents, string Checksum)
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>Every embedded script, in the order they are applied.</summary>
    public static IReadOnlyList<MigrationScript> Embedded { get; } = LoadEmbedded(typeof(MigrationScript).Assembly);

    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout that turned LF into
    /// CRLF does not look like an edited migration.
    /// </summary>
    public static string ComputeChecksum(string contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        byte[] bytes = Encoding.UTF8.GetBytes(contents.ReplaceLineEndings("\n"));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    internal static IReadOnlyList<MigrationScript> LoadEmbedded(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[ResourcePrefix.Length..];
            Match match = ScriptName().Match(name);
            // A misnamed script would otherwise be applied in a surprising order, or never.
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration '{name}' is misnamed: scripts are called NNNN_lower_case_words.sql (e.g. 0002_add_queues.sql).");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string contents = reader.ReadToEnd();
            int version = int.Parse(match.Groups["version"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            scripts.Add(new MigrationScript(version, name, contents, ComputeChecksum(contents)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Migrations '{scripts[i - 1].Name}' and '{scripts[i].Name}' share version {scripts[i].Version}; give one of them the next free number.");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_[a-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
