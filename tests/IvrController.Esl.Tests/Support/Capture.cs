using System.Text;
using System.Text.Json;

namespace IvrController.Esl.Tests.Support;

/// <summary>
/// A recorded conversation with a real FreeSWITCH 1.10.12 (Fixtures/*.jsonl): one line per TCP
/// read, in arrival order, with the exact bytes. The chunking is the real one.
/// </summary>
public sealed class Capture
{
    private Capture(string name, IReadOnlyList<CaptureChunk> chunks)
    {
        Name = name;
        Chunks = chunks;
    }

    public string Name { get; }

    public IReadOnlyList<CaptureChunk> Chunks { get; }

    /// <summary>Bytes the switch sent (server->client or fs->app), as the reads delivered them.</summary>
    public IReadOnlyList<byte[]> FromSwitch => Chunks.Where(c => c.FromSwitch).Select(c => c.Data).ToList();

    /// <summary>Bytes the peer (recorded controller) sent.</summary>
    public IReadOnlyList<byte[]> ToSwitch => Chunks.Where(c => !c.FromSwitch).Select(c => c.Data).ToList();

    public byte[] SwitchStream => FromSwitch.SelectMany(b => b).ToArray();

    public byte[] PeerStream => ToSwitch.SelectMany(b => b).ToArray();

    public static IEnumerable<string> All => Directory.GetFiles(FixtureDirectory, "*.jsonl").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static Capture Load(string name)
    {
        var chunks = new List<CaptureChunk>();
        foreach (string line in File.ReadLines(Path.Combine(FixtureDirectory, name + ".jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("eof", out JsonElement eof) && eof.GetBoolean())
            {
                continue;
            }

            string direction = root.GetProperty("dir").GetString()!;
            bool fromSwitch = direction is "server->client" or "fs->app";
            chunks.Add(new CaptureChunk(root.GetProperty("t").GetDouble(), fromSwitch, Encoding.UTF8.GetBytes(root.GetProperty("data").GetString()!)));
        }

        return new Capture(name, chunks);
    }
}

public sealed record CaptureChunk(double Time, bool FromSwitch, byte[] Data);
