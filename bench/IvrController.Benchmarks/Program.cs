using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IvrController.Benchmarks.CallerId;

namespace IvrController.Benchmarks;

/// <summary>
/// Runs the benchmarks (BenchmarkDotNet's own command line), then prints the derived
/// events/s and MB/s table. <c>--quick</c> adds a short job (3 warm-ups, 15 iterations, one
/// process) and, without a <c>--filter</c>, runs everything: a few minutes on two cores.
/// <c>--caller-id-latency [decisions [baseline decisions]]</c> instead times single caller-ID
/// decisions (mean, p50, p99, p99.9) outside BenchmarkDotNet, see <see cref="CallerIdLatency"/>.
/// </summary>
internal static class Program
{
    private const string QuickSwitch = "--quick";

    public static int Main(string[] args)
    {
        int latency = Array.IndexOf(args, CallerIdLatency.Switch);
        if (latency >= 0)
        {
            int decisions = CountAt(args, latency + 1) ?? CallerIdLatency.DefaultDecisions;
            int baselineDecisions = CountAt(args, latency + 2) ?? CallerIdLatency.DefaultBaselineDecisions;
            CallerIdLatency.Run(decisions, baselineDecisions, Path.Combine(DefaultConfig.Instance.ArtifactsPath, "results"));
            return 0;
        }

        bool quick = args.Contains(QuickSwitch, StringComparer.Ordinal);
        List<string> arguments = args.Where(a => a != QuickSwitch).ToList();
        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = ManualConfig.Create(DefaultConfig.Instance)
                .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Quick"));
            if (!arguments.Any(a => a is "--filter" or "-f"))
            {
                arguments.AddRange(["--filter", "*"]);
            }
        }

        List<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], config).ToList();
        ThroughputReport.Write(summaries);

        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    private static int? CountAt(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count) && count > 0
            ? count
            : null;
}
