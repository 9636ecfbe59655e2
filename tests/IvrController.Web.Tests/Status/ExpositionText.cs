using System.Globalization;
using System.Text.RegularExpressions;

namespace IvrController.Web.Tests.Status;

/// <summary>
/// A strict reader of the Prometheus text format, as far as /metrics uses it: every sample belongs to a family
/// declared before it with HELP and TYPE, label values are properly quoted and escaped, a histogram's buckets
/// are cumulative and end with +Inf, which equals its _count. Breaking any of these throws <see cref="FormatException"/>.
/// </summary>
internal sealed partial class ExpositionText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>The value of one series, written exactly as on the wire (name and labels).</summary>
    public double Value(string series) =>
        _samples.TryGetValue(series, out double value) ? value : throw new KeyNotFoundException($"no sample {series}");

    public static ExpositionText Parse(string text)
    {
        var parsed = new ExpositionText();
        var helped = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var buckets = new Dictionary<string, List<(double Le, double Count)>>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                string name = line.Split(' ')[2];
                if (!helped.Add(name))
                {
                    throw new FormatException($"HELP twice for {name}");
                }

                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                if (parts.Length != 4 || !helped.Contains(parts[2]) || !parsed.Types.TryAdd(parts[2], parts[3])
                    || parts[3] is not ("counter" or "gauge" or "histogram"))
                {
                    throw new FormatException($"bad or repeated TYPE line: {line}");
                }

                current = parts[2];
                continue;
            }

            Match sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"not a sample line: {line}");
            }

            string metric = sample.Groups["name"].Value;
            string labels = sample.Groups["labels"].Value;
            double value = sample.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            if (current is null || !BelongsTo(metric, current, parsed.Types[current]))
            {
                throw new FormatException($"{metric} is not in the family declared before it ({current ?? "none"})");
            }

            if (!parsed._samples.TryAdd(metric + labels, value))
            {
                throw new FormatException($"series twice: {metric}{labels}");
            }

            if (metric.EndsWith("_bucket", StringComparison.Ordinal))
            {
                Match le = LeLabel().Match(labels);
                if (!le.Success)
                {
                    throw new FormatException($"bucket without le: {line}");
                }

                double bound = le.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(le.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!buckets.TryGetValue(current, out List<(double, double)>? list))
                {
                    buckets[current] = list = [];
                }

                list.Add((bound, value));
            }
        }

        foreach ((string family, List<(double Le, double Count)> list) in buckets)
        {
            for (int i = 1; i < list.Count; i++)
            {
                if (list[i].Le <= list[i - 1].Le || list[i].Count < list[i - 1].Count)
                {
                    throw new FormatException($"{family}: buckets not ascending and cumulative");
                }
            }

            if (!double.IsPositiveInfinity(list[^1].Le) || !parsed._samples.TryGetValue(family + "_count", out double count) || count != list[^1].Count
                || !parsed._samples.ContainsKey(family + "_sum"))
            {
                throw new FormatException($"{family}: the +Inf bucket, _sum and _count do not agree");
            }
        }

        if (parsed.Types.Where(t => t.Value == "histogram").Any(t => !buckets.ContainsKey(t.Key)))
        {
            throw new FormatException("a histogram without buckets");
        }

        return parsed;
    }

    private static bool BelongsTo(string metric, string family, string type) => type == "histogram"
        ? metric == family + "_bucket" || metric == family + "_sum" || metric == family + "_count"
        : metric == family;

    // name{label="value",...} value — a label value is any run of non-quote, non-backslash characters or escapes \\ \" \n.
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? (?<value>[-+]?(?:[0-9.eE+-]+|Inf))$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex LeLabel();
}
