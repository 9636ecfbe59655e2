using System.Globalization;

namespace IvrController.Cli;

/// <summary>Durations as admins type them: "90s", "20m", "72h", "3d" (one number, one unit).</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text, string what)
    {
        string trimmed = (text ?? "").Trim();
        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int amount)
            && amount > 0)
        {
            switch (char.ToLowerInvariant(trimmed[^1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        throw new CliException($"{what} '{text}' is not a duration: use a positive whole number and s, m, h or d (90s, 20m, 72h, 3d).");
    }

    /// <summary>"3d", "72h 30m" trimmed to what matters; the inverse of <see cref="Parse"/> for whole units.</summary>
    public static string Format(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerDay == 0 && span.Days > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.Days}d");
        }

        if (span.Ticks % TimeSpan.TicksPerHour == 0 && span >= TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}h");
        }

        if (span.Ticks % TimeSpan.TicksPerMinute == 0 && span >= TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes}m");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");
    }
}
