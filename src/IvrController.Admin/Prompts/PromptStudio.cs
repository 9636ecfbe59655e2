using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IvrController.Admin.Prompts;

/// <summary>
/// Turns an admin's words into a prompt the switch can play (espeak-ng, then sox to 8 kHz mono 16-bit), and an
/// uploaded recording into the same format, in the prompts directory both hosts mount. Files are named by a
/// hash of what made them (voice and words, or the recording's bytes), so the same words are rendered once and
/// a name never changes meaning; each is written under a temporary name and renamed, so the switch never
/// reads half a file. The result is the path as the switch sees it, which the admin side stores.
/// </summary>
public sealed partial class PromptStudio
{
    // Part of every name's hash: a change to how files are made gives new names instead of stale files.
    private const string Recipe = "espeak-ng|sox 8000/1/16 trim pad 0.15 0.3 norm -3|v1";
    private const string InstallHint = "install them on the controller (Debian: apt-get install espeak-ng sox)";
    // The 450 ms of padding plus about a syllable: less than this is silence with a header.
    private static readonly TimeSpan MinimumSpeech = TimeSpan.FromMilliseconds(700);
    private static readonly TimeSpan MinimumRecording = TimeSpan.FromMilliseconds(250);

    private readonly PromptsOptions _options;

    // espeak-ng speaks an unknown voice's words with its default voice and exits 0: each voice is looked up once.
    private readonly ConcurrentDictionary<string, bool> _voices = new(StringComparer.OrdinalIgnoreCase);

    public PromptStudio(PromptsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new ArgumentException("Prompts:Directory is not set", nameof(options));
        }

        _options = options;
        Directory = options.Directory;
        SwitchDirectory = options.EffectiveSwitchDirectory!;
    }

    /// <summary>The prompts directory as this controller sees it.</summary>
    public string Directory { get; }

    /// <summary>The prompts directory as the switch sees it.</summary>
    public string SwitchDirectory { get; }

    /// <summary>Whether <paramref name="name"/> is a file name this studio writes (and nothing else: no path, no temporary file).</summary>
    public static bool IsPromptFileName(string? name) => name is not null && PromptFileName().IsMatch(name);

    /// <summary>The espeak-ng voice for a template's language.</summary>
    public string VoiceFor(string language) => language == "en" ? _options.EnglishVoice : _options.MandarinVoice;

    /// <summary>The file name words get in <paramref name="language"/>; the same words and voice always get the same name.</summary>
    public string FileNameFor(string language, string words) =>
        $"tts-{Hash(Encoding.UTF8.GetBytes($"{Recipe}\n{VoiceFor(language)}\n{SpeedFor(language)}\n{words}"))}.wav";

    /// <summary>The path the switch plays for a file of this studio.</summary>
    public string SwitchPathOf(string fileName) => $"{SwitchDirectory}/{fileName}";

    /// <summary>
    /// The file of this studio a stored prompt plays (its name), or null when the prompt is something else:
    /// a file under sounds/, or a path outside the prompts directory.
    /// </summary>
    public string? FileNameOf(string? storedPrompt)
    {
        if (storedPrompt is null || !storedPrompt.StartsWith(SwitchDirectory + "/", StringComparison.Ordinal))
        {
            return null;
        }

        string name = storedPrompt[(SwitchDirectory.Length + 1)..];
        return IsPromptFileName(name) ? name : null;
    }

    /// <summary>The local path of a file of this studio, or null when the name is not one or the file is not there.</summary>
    public string? LocalPathOf(string fileName)
    {
        if (!IsPromptFileName(fileName))
        {
            return null;
        }

        string path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Speaks <paramref name="words"/> in <paramref name="language"/> (zh-CN or en) into the prompts directory, unless already there.</summary>
    /// <returns>The path the switch plays.</returns>
    /// <exception cref="PromptRenderingException">espeak-ng or sox is missing or failed, or the words gave no speech; nothing was written.</exception>
    public async Task<string> SpeakAsync(string language, string words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        string name = FileNameFor(language, words);
        if (File.Exists(Path.Combine(Directory, name)))
        {
            return SwitchPathOf(name);
        }

        await CheckVoiceAsync(VoiceFor(language), language, cancellationToken).ConfigureAwait(false);
        DirectoryInfo work = System.IO.Directory.CreateTempSubdirectory("ivr-prompt-");
        try
        {
            string raw = Path.Combine(work.FullName, "speech.wav");
            string telephone = Path.Combine(work.FullName, "telephone.wav");
            await RunAsync(_options.Espeak, "espeak-ng", ["-v", VoiceFor(language), "-s", SpeedFor(language), "-w", raw, "--", words], cancellationToken).ConfigureAwait(false);
            // Trim the voice's own leading and trailing silence (with short fades, so the cut does not click), then
            // 150 ms of lead-in so the first syllable survives media start-up, 300 ms of tail, and -3 dBFS.
            await RunAsync(_options.Sox, "sox", [
                "-R", "-D", raw, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", telephone,
                "silence", "1", "0.02", "0.5%", "fade", "t", "0.01", "reverse", "silence", "1", "0.02", "0.5%", "fade", "t", "0.03", "reverse",
                "pad", "0.15", "0.3", "norm", "-3",
            ], cancellationToken).ConfigureAwait(false);
            await PublishAsync(telephone, name, MinimumSpeech, "the words gave no speech (only punctuation or silence?)", cancellationToken).ConfigureAwait(false);
            return SwitchPathOf(name);
        }
        finally
        {
            DeleteQuietly(work);
        }
    }

    /// <summary>Takes an uploaded WAV recording, converted to 8 kHz mono 16-bit, into the prompts directory.</summary>
    /// <returns>The path the switch plays.</returns>
    /// <exception cref="PromptRenderingException">Not a WAV file, too large, sox missing or failed, or too short; nothing was written.</exception>
    public async Task<string> TakeRecordingAsync(ReadOnlyMemory<byte> recording, CancellationToken cancellationToken)
    {
        if (recording.Length > _options.MaxRecordingBytes)
        {
            throw new PromptRenderingException($"the recording is {recording.Length / 1024} KiB; at most {_options.MaxRecordingBytes / 1024} KiB is accepted");
        }

        if (WavFormat.Read(recording.Span) is not { } format)
        {
            throw new PromptRenderingException("the recording is not a WAV file (RIFF/WAVE with a fmt and a data chunk)");
        }

        if (format.DataBytes == 0)
        {
            throw new PromptRenderingException("the recording holds no sound");
        }

        string name = $"rec-{Hash(Encoding.UTF8.GetBytes(Recipe).Concat(recording.ToArray()).ToArray())}.wav";
        if (File.Exists(Path.Combine(Directory, name)))
        {
            return SwitchPathOf(name);
        }

        DirectoryInfo work = System.IO.Directory.CreateTempSubdirectory("ivr-prompt-");
        try
        {
            string upload = Path.Combine(work.FullName, "upload.wav");
            string telephone = Path.Combine(work.FullName, "telephone.wav");
            await File.WriteAllBytesAsync(upload, recording, cancellationToken).ConfigureAwait(false);
            await RunAsync(_options.Sox, "sox", ["-R", "-D", upload, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", telephone], cancellationToken).ConfigureAwait(false);
            await PublishAsync(telephone, name, MinimumRecording, "the recording is shorter than a quarter of a second", cancellationToken).ConfigureAwait(false);
            return SwitchPathOf(name);
        }
        finally
        {
            DeleteQuietly(work);
        }
    }

    private async Task CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken)
    {
        if (_voices.ContainsKey(voice))
        {
            return;
        }

        string list = await RunAsync(_options.Espeak, "espeak-ng", ["--voices"], cancellationToken).ConfigureAwait(false);
        // Columns: Pty Language Age/Gender VoiceName File Other-languages; -v takes the language, the name or the file's name.
        bool known = list.Split('\n').Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length >= 5)
            .Any(columns => new[] { columns[1], columns[3], columns[4], columns[4].Split('/')[^1] }.Contains(voice, StringComparer.OrdinalIgnoreCase));
        if (!known)
        {
            string setting = language == "en" ? "Prompts:EnglishVoice" : "Prompts:MandarinVoice";
            throw new PromptRenderingException($"espeak-ng has no voice '{voice}' (espeak-ng --voices lists them; set {setting})");
        }

        _voices.TryAdd(voice, true);
    }

    private static string SpeedFor(string language) => language == "en" ? "155" : "175";

    private static string Hash(byte[] what) => Convert.ToHexStringLower(SHA256.HashData(what))[..32];

    /// <summary>Checks the made file, then copies it in under a temporary name and renames it: the switch sees all of it or nothing.</summary>
    private async Task PublishAsync(string made, string name, TimeSpan minimum, string tooShort, CancellationToken cancellationToken)
    {
        byte[] bytes = await File.ReadAllBytesAsync(made, cancellationToken).ConfigureAwait(false);
        WavFormat? format = WavFormat.Read(bytes);
        if (format is not { IsTelephony: true })
        {
            throw new PromptRenderingException("sox did not produce an 8 kHz mono 16-bit WAV file");
        }

        if (format.Duration < minimum)
        {
            throw new PromptRenderingException(tooShort);
        }

        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            string temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PromptRenderingException($"cannot write into the prompts directory {Directory}: {e.Message}", e);
        }
    }

    /// <returns>What the program wrote to standard output.</returns>
    private async Task<string> RunAsync(string program, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PromptRenderingException($"{tool} did not start");
        }
        catch (Win32Exception e)
        {
            throw new PromptRenderingException($"{tool} is not installed on this controller ('{program}' cannot be run: {e.Message}); {InstallHint}", e);
        }

        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_options.ToolTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new PromptRenderingException($"{tool} did not finish within {_options.ToolTimeout.TotalSeconds:0} s");
            }

            string said = (await errors.ConfigureAwait(false)).Trim();
            string written = await output.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                string first = said.Split('\n', 2)[0].Trim();
                throw new PromptRenderingException($"{tool} failed (exit code {process.ExitCode}){(first.Length == 0 ? "" : $": {first}")}");
            }

            return written;
        }
    }

    private static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless; the prompt itself is already in place or refused.
        }
    }

    [GeneratedRegex("^(tts|rec)-[0-9a-f]{32}\\.wav$", RegexOptions.CultureInvariant)]
    private static partial Regex PromptFileName();
}
