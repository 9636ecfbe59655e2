using System.Text;
using System.Text.Json;

namespace IvrController.Benchmarks.Fixtures;

/// <summary>
/// Reads a capture in the fixtures' JSON Lines format (<c>{"t":..,"dir":..,"data":..}</c>, plus
/// <c>eof</c> lines) and rebuilds the byte stream of one direction by concatenating its data.
/// </summary>
internal static class RecordedTraffic
{
    /// <summary>What the switch sent to the application on an outbound (switch-connects) socket.</summary>
    public const string OutboundFromSwitch = "fs->app";

    /// <summary>What the switch sent to the client on an inbound (client-connects) socket.</summary>
    public const string InboundFromSwitch = "server->client";

    public static byte[] ReadStream(string fileName, string direction)
    {
        using var stream = new MemoryStream();
        foreach (string line in File.ReadLines(FixtureLocator.Find(fileName)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            JsonElement root = record.RootElement;
            if (root.TryGetProperty("dir", out JsonElement dir)
                && dir.ValueEquals(direction)
                && root.TryGetProperty("data", out JsonElement data))
            {
                stream.Write(Encoding.UTF8.GetBytes(data.GetString() ?? string.Empty));
            }
        }

        return stream.ToArray();
    }
}
