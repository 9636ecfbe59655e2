using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Fuzz;

/// <summary>
/// The seed corpus, from recorded switch traffic (the captures' *.jsonl, one TCP read a line): every
/// distinct frame the switch sent, a few short runs of consecutive frames, and each event kind once more
/// as text/event-json and text/event-xml, which the recordings hardly hold. Each seed starts with
/// <see cref="FrameTarget"/>'s steering byte; seeds stay under 10 KB, as afl-fuzz likes them.
/// </summary>
internal static class SeedCorpus
{
    private const int MaxSeedBytes = 10 * 1024;
    private const int RunBytes = 4 * 1024;

    public static int Write(string capturesDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var eventKinds = new HashSet<string>(StringComparer.Ordinal);
        int skipped = 0;
        foreach (string path in Directory.GetFiles(capturesDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            string capture = Path.GetFileNameWithoutExtension(path);
            byte[] stream = SwitchStream(path);
            List<(int Start, int End, EslFrame Frame)> frames = Frames(stream);
            var run = new List<byte>();
            foreach ((int start, int end, EslFrame frame) in frames)
            {
                using (frame)
                {
                    byte[] bytes = stream[start..end];
                    if (bytes.Length + 1 > MaxSeedBytes)
                    {
                        skipped++;
                        continue;
                    }

                    Save(outputDirectory, written, $"{capture}-frame", bytes, FitsTiny(frame));
                    if (run.Count + bytes.Length > RunBytes && run.Count > 0)
                    {
                        Save(outputDirectory, written, $"{capture}-run", [.. run], tiny: false);
                        run.Clear();
                    }

                    run.AddRange(bytes);
                    if (frame.ContentType == ContentTypes.EventPlain)
                    {
                        WriteOtherFormats(outputDirectory, written, eventKinds, capture, frame);
                    }
                }
            }

            if (run.Count > 0)
            {
                Save(outputDirectory, written, $"{capture}-run", [.. run], tiny: false);
            }
        }

        Console.WriteLine($"seeds: {written.Count} written to {outputDirectory} ({skipped} frame(s) over {MaxSeedBytes} bytes left out)");
        return written.Count > 0 ? 0 : 1;
    }

    /// <summary>What the switch sent, in order: the recorded reads joined.</summary>
    private static byte[] SwitchStream(string path)
    {
        var stream = new List<byte>();
        foreach (string line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("data", out JsonElement data)
                && root.GetProperty("dir").GetString() is "server->client" or "fs->app")
            {
                stream.AddRange(Encoding.UTF8.GetBytes(data.GetString()!));
            }
        }

        return [.. stream];
    }

    private static List<(int Start, int End, EslFrame Frame)> Frames(byte[] stream)
    {
        var frames = new List<(int, int, EslFrame)>();
        var buffer = new ReadOnlySequence<byte>(stream);
        while (true)
        {
            int start = stream.Length - (int)buffer.Length;
            if (EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? frame, out _) != EslReadStatus.Done)
            {
                return frames;
            }

            frames.Add((start, stream.Length - (int)buffer.Length, frame!));
        }
    }

    private static bool FitsTiny(EslFrame frame) =>
        frame.BodyLength <= FrameTarget.Tiny.MaxBodyBytes && frame.HeaderCount <= FrameTarget.Tiny.MaxHeaderCount;

    /// <summary>The first event of each kind once more, as the switch writes it for <c>event json</c> and <c>event xml</c>.</summary>
    private static void WriteOtherFormats(string outputDirectory, HashSet<string> written, HashSet<string> eventKinds, string capture, EslFrame frame)
    {
        byte[] copy = [.. Encoding.UTF8.GetBytes($"Content-Length: {frame.BodyLength}\nContent-Type: {ContentTypes.EventPlain}\n\n"), .. frame.Body];
        var buffer = new ReadOnlySequence<byte>(copy);
        if (EslFrameReader.TryRead(ref buffer, EslFrameLimits.Default, out EslFrame? again, out _) != EslReadStatus.Done)
        {
            return;
        }

        using EslEvent plain = EslEvent.FromFrame(again!);
        if (!eventKinds.Add(plain.EventName + plain.Subclass))
        {
            return;
        }

        List<KeyValuePair<string, string>> headers = [.. plain.EnumerateHeaders().Where(h => h.Key != "Content-Length")];
        string? body = plain.Body;

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in headers)
            {
                writer.WriteString(name, value);
            }

            if (body is not null)
            {
                writer.WriteString("_body", body);
            }

            writer.WriteEndObject();
        }

        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            writer.WriteStartElement("event");
            writer.WriteStartElement("headers");
            foreach ((string name, string value) in headers)
            {
                writer.WriteElementString(XmlConvert.EncodeLocalName(name), value);
            }

            writer.WriteEndElement();
            if (body is not null)
            {
                writer.WriteElementString("body", body);
            }

            writer.WriteEndElement();
        }

        SaveEvent(outputDirectory, written, $"{capture}-json", ContentTypes.EventJson, json.ToArray());
        SaveEvent(outputDirectory, written, $"{capture}-xml", ContentTypes.EventXml, Encoding.UTF8.GetBytes(xml.ToString()));
    }

    private static void SaveEvent(string outputDirectory, HashSet<string> written, string name, string contentType, byte[] body)
    {
        byte[] frame = [.. Encoding.UTF8.GetBytes($"Content-Length: {body.Length}\nContent-Type: {contentType}\n\n"), .. body];
        if (frame.Length + 1 <= MaxSeedBytes)
        {
            Save(outputDirectory, written, name, frame, tiny: false);
        }
    }

    /// <summary>Saves <paramref name="stream"/> behind a steering byte that varies the cut from seed to seed.</summary>
    private static void Save(string outputDirectory, HashSet<string> written, string name, byte[] stream, bool tiny)
    {
        string digest = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        if (!written.Add(digest))
        {
            return;
        }

        byte control = (byte)(((written.Count * 37) & 0x7f) | (tiny ? 0x80 : 0));
        File.WriteAllBytes(Path.Combine(outputDirectory, $"{name}-{digest}"), [control, .. stream]);
    }
}
