namespace IvrController.Admin.Prompts;

/// <summary>
/// Settings section <c>Prompts</c>: where spoken words and uploaded recordings are written, and where the
/// switch finds the same files. Both hosts mount one directory (NFS, a docker volume); the controller writes
/// into <see cref="Directory"/>, and the switch is told <see cref="SwitchDirectory"/>.
/// </summary>
public sealed class PromptsOptions
{
    public const string Section = "Prompts";

    /// <summary>The prompts directory as this controller sees it; unset, prompts cannot be given as words or recordings.</summary>
    public string? Directory { get; set; }

    /// <summary>The same directory as the switch sees it (an absolute path without spaces); unset = <see cref="Directory"/>.</summary>
    public string? SwitchDirectory { get; set; }

    /// <summary>The espeak-ng program (a name on PATH or a path).</summary>
    public string Espeak { get; set; } = "espeak-ng";

    /// <summary>The sox program.</summary>
    public string Sox { get; set; } = "sox";

    /// <summary>
    /// The espeak-ng voice for zh-CN. Debian 12's espeak-ng 1.51 reads Hanzi as Mandarin only with
    /// cmn-latn-pinyin; its plain "cmn" spells the pinyin with English sounds (sounds/README.md).
    /// </summary>
    public string MandarinVoice { get; set; } = "cmn-latn-pinyin";

    /// <summary>The espeak-ng voice for en.</summary>
    public string EnglishVoice { get; set; } = "en-us";

    /// <summary>How long one espeak-ng or sox run may take.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest recording accepted, in bytes.</summary>
    public int MaxRecordingBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The directory the switch reads: <see cref="SwitchDirectory"/>, else <see cref="Directory"/>, without a trailing slash.</summary>
    public string? EffectiveSwitchDirectory
    {
        get
        {
            string? path = string.IsNullOrWhiteSpace(SwitchDirectory) ? Directory : SwitchDirectory;
            return string.IsNullOrWhiteSpace(path) ? null : path.Length > 1 ? path.TrimEnd('/') : path;
        }
    }

    /// <summary>Every problem with these settings, each naming its key; empty when they can be used (or prompts are off).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            if (!string.IsNullOrWhiteSpace(SwitchDirectory))
            {
                problems.Add("Prompts:SwitchDirectory is set but Prompts:Directory is not: the controller needs its own view of the prompts directory to write into");
            }

            return problems;
        }

        if (!Path.IsPathFullyQualified(Directory))
        {
            problems.Add($"Prompts:Directory '{Directory}' must be an absolute path");
        }

        string switchDirectory = EffectiveSwitchDirectory!;
        if (!string.IsNullOrWhiteSpace(SwitchDirectory) && !switchDirectory.StartsWith('/'))
        {
            problems.Add($"Prompts:SwitchDirectory '{switchDirectory}' must be an absolute path as the switch sees it");
        }

        if (switchDirectory.Any(char.IsWhiteSpace))
        {
            problems.Add($"Prompts:SwitchDirectory '{switchDirectory}' contains a space: play_and_get_digits splits its arguments on spaces");
        }

        if (ToolTimeout <= TimeSpan.Zero || ToolTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"Prompts:ToolTimeout {ToolTimeout} must be more than 0 and at most 5 minutes");
        }

        if (MaxRecordingBytes is < 1024 or > 200 * 1024 * 1024)
        {
            problems.Add($"Prompts:MaxRecordingBytes {MaxRecordingBytes} must be 1 KiB to 200 MiB");
        }

        return problems;
    }
}
