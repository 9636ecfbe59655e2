using System.Globalization;

namespace IvrController.Cli;

/// <summary>Durations as admins type them: a whole number and a unit, "20s", "90m", "72h", "3d".</summary>
public static class DurationText
{
    /// <summary>The duration, or a <see cref="CliException"/> naming <paramref name="what"/> and the accepted forms.</summary>
    public static TimeSpan Parse(string? text, string what) =>
        TryParse(text, out TimeSpan duration) && duration > TimeSpan.Zero
            ? duration
            : throw new CliException($"{what} '{text}' is not a duration: use a positive whole number and s, m, h or d (90s, 20m, 72h, 3d).");

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        string trimmed = text?.Trim() ?? "";
        if (trimmed.Length < 2
            || !long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long count))
        {
            return false;
        }

        long seconds = char.ToLowerInvariant(trimmed[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => 0,
        };
        if (seconds == 0 || count > TimeSpan.MaxValue.TotalSeconds / seconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(count * seconds);
        return true;
    }

    /// <summary>The largest unit that says it exactly: 72 h → "3d", 90 s → "90s", 1.5 s → "1.5s".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        long seconds = (long)duration.TotalSeconds;
        return seconds switch
        {
            0 => "0s",
            _ when seconds % 86400 == 0 => $"{seconds / 86400}d",
            _ when seconds % 3600 == 0 => $"{seconds / 3600}h",
            _ when seconds % 60 == 0 => $"{seconds / 60}m",
            _ => $"{seconds}s",
        };
    }
}
