using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Reports;
using IvrController.Benchmarks.Fixtures;

namespace IvrController.Benchmarks;

/// <summary>
/// Turns the per-event means into what capacity planning asks for: events/s and MB/s per core,
/// bytes allocated per event, and how each figure compares with the baseline of its category.
/// </summary>
internal static class ThroughputReport
{
    public const string FileName = "esl-parse-summary.md";

    /// <summary>Prints the table and writes it next to BenchmarkDotNet's own results; returns the file written, if any.</summary>
    public static string? Write(IReadOnlyList<Summary> summaries)
    {
        List<BenchmarkReport> reports = summaries
            .SelectMany(s => s.Reports)
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(EslParseBenchmarks))
            .ToList();
        if (reports.Count == 0)
        {
            return null;
        }

        string table = Render(reports);
        Console.WriteLine();
        Console.WriteLine(table);

        string directory = summaries[0].ResultsDirectoryPath;
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, table);
        Console.WriteLine($"Derived table written to {Path.GetFullPath(path)}");
        return path;
    }

    private static string Render(List<BenchmarkReport> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("## ESL event parsing: derived throughput (one core, per event)");
        text.AppendLine();
        text.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}."));
        text.AppendLine("events/s = 1e9 / mean ns per event; MB/s = events/s x mean wire bytes per event / 1e6.");
        text.AppendLine("Speed-up = baseline mean / this mean; allocation ratio = this / baseline.");
        text.AppendLine();
        text.AppendLine("| Category | Job | Method | Events | Wire B/event | Headers/event | ns/event | events/s | MB/s | Alloc B/event | Speed-up vs baseline | Alloc vs baseline |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        var groups = reports
            .GroupBy(r => (Category: r.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? string.Empty, Job: r.BenchmarkCase.Job.ResolvedId))
            .OrderBy(g => OrderOf(g.Key.Category));
        foreach (var group in groups)
        {
            EventSet? set = EventSets.ForCategory(group.Key.Category);
            BenchmarkReport? baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            foreach (BenchmarkReport report in group.OrderByDescending(r => r.BenchmarkCase.Descriptor.Baseline))
            {
                double? mean = report.ResultStatistics?.Mean;
                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                double? baselineMean = baseline?.ResultStatistics?.Mean;
                long? baselineAllocated = baseline?.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase);
                double? eventsPerSecond = mean > 0 ? 1e9 / mean : null;
                double? megabytesPerSecond = eventsPerSecond * set?.MeanBytesPerEvent / 1e6;

                text.Append(Invariant($"| {group.Key.Category} | {group.Key.Job} | {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} "));
                text.Append(Invariant($"| {set?.Count.ToString(CultureInfo.InvariantCulture) ?? "?"} | {Format(set?.MeanBytesPerEvent, "N0")} | {Format(set?.MeanHeadersPerEvent, "N0")} "));
                text.Append(Invariant($"| {Format(mean, "N0")} | {Format(eventsPerSecond, "N0")} | {Format(megabytesPerSecond, "N1")} | {Format(allocated, "N0")} "));
                text.Append(Invariant($"| {Ratio(baselineMean, mean, "x")} | {Ratio(allocated, baselineAllocated, string.Empty)} |"));
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static int OrderOf(string category) => category switch
    {
        EventSets.Plain7kCategory => 0,
        EventSets.Plain2kCategory => 1,
        EventSets.JsonCategory => 2,
        _ => 3,
    };

    private static string Format(double? value, string format) =>
        value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Format(long? value, string format) =>
        value is long v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(double? numerator, double? denominator, string suffix) =>
        numerator is double n && denominator is double d && d > 0 ? Invariant($"{n / d:N3}{suffix}") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
