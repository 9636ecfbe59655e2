using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IvrController.Rules.CallerId;

namespace IvrController.Benchmarks.CallerId;

/// <summary>
/// Per-decision latency, which BenchmarkDotNet does not give (its percentiles are over iteration
/// means): every decision is timed on its own with <see cref="Stopwatch.GetTimestamp"/>, after a
/// warm-up, cycling through the same 1,000 pre-generated requests the benchmarks use. The figures
/// include the timer's own cost (printed) and any garbage collection that fell on a decision.
/// </summary>
internal static class CallerIdLatency
{
    public const string Switch = "--caller-id-latency";
    public const string FileName = "caller-id-latency.md";

    /// <summary>Decisions timed per request set for the Rules selector.</summary>
    public const int DefaultDecisions = 200_000;

    /// <summary>
    /// The baseline is about a hundred times slower, so it gets fewer decisions to keep the mode
    /// within a minute or two; 20,000 still leaves 20 samples above its p99.9.
    /// </summary>
    public const int DefaultBaselineDecisions = 20_000;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>Runs the measurements, prints the tables and writes them under <paramref name="resultsDirectory"/>.</summary>
    public static void Run(int decisions, int baselineDecisions, string resultsDirectory)
    {
        Console.WriteLine($"Building the caller-ID scenario (seed {CallerIdScenario.Seed}) and checking the selectors agree...");
        CallerIdScenario scenario = CallerIdScenario.Default;
        IReadOnlyList<(string Name, IReadOnlyDictionary<CallerIdTier, int> Tiers)> mixes = CallerIdAgreement.Verify(scenario);

        var rows = new List<Row>();
        foreach ((string name, CallerIdRequest[] requests) in scenario.RequestSets())
        {
            Console.WriteLine($"{name}: Rules selector, {decisions:N0} decisions...");
            rows.Add(Measure(name, "CallerIdSelector", decisions, requests, (request, random) =>
                CallerIdSelector.Select(request, scenario.Pool, scenario.Usage, random) is CallerIdDecision d ? d.Tier : null));
            Console.WriteLine($"{name}: baseline, {baselineDecisions:N0} decisions...");
            rows.Add(Measure(name, "NaiveCallerIdSelector (baseline)", baselineDecisions, requests, (request, random) =>
                NaiveCallerIdSelector.Select(request, scenario.Numbers, scenario.Usage, random)?.Tier));
        }

        Console.WriteLine("Calls starting and ending: the counters with and without the whole-pool index...");
        (UpdateRow Indexed, UpdateRow Plain) updates = MeasureUpdates(scenario);
        string report = Render(scenario, mixes, rows, TimerCost()) + RenderUpdates(updates);
        Console.WriteLine();
        Console.WriteLine(report);
        Directory.CreateDirectory(resultsDirectory);
        string path = Path.Combine(resultsDirectory, FileName);
        File.WriteAllText(path, report);
        Console.WriteLine($"Latency table written to {Path.GetFullPath(path)}");
    }

    /// <param name="decide">Makes one decision and returns its tier (null when none was made).</param>
    private static Row Measure(string set, string selector, int count, CallerIdRequest[] requests, Func<CallerIdRequest, Random, CallerIdTier?> decide)
    {
        var random = new Random(CallerIdScenario.Seed);
        int warmed = 0;
        long warmUpEnd = Stopwatch.GetTimestamp() + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUpEnd || warmed < 2 * requests.Length)
        {
            _ = decide(requests[warmed % requests.Length], random);
            warmed++;
        }

        long[] ticks = new long[count];
        var tiers = new CallerIdTier?[count];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0);
        int gen2 = GC.CollectionCount(2);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            CallerIdRequest request = requests[i % requests.Length];
            long start = Stopwatch.GetTimestamp();
            CallerIdTier? tier = decide(request, random);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            tiers[i] = tier;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        gen0 = GC.CollectionCount(0) - gen0;
        gen2 = GC.CollectionCount(2) - gen2;

        double[] all = Sorted(Enumerable.Range(0, count).Select(i => ticks[i]));
        List<TierRow> byTier = [.. tiers
            .Select((tier, i) => (tier, i))
            .GroupBy(pair => pair.tier)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                double[] ns = Sorted(g.Select(pair => ticks[pair.i]));
                return new TierRow(g.Key, ns.Length, ns.Average(), Percentile(ns, 50), Percentile(ns, 99));
            })];
        return new Row(
            set,
            selector,
            count,
            all.Average(),
            Percentile(all, 50),
            Percentile(all, 99),
            Percentile(all, 99.9),
            all[^1],
            allocated / (double)count,
            gen0,
            gen2,
            byTier);
    }

    /// <summary>
    /// What keeping the whole-pool index current costs a call: one number's call starting and ending
    /// (<see cref="CallerNumberCounter.Started"/> + <see cref="CallerNumberCounter.Ended"/>) on counters
    /// whose pool is indexed, against the same on counters that no pool indexes.
    /// </summary>
    private static (UpdateRow Indexed, UpdateRow Plain) MeasureUpdates(CallerIdScenario scenario)
    {
        const int Pairs = 200_000;
        const int Day = 1;
        var indexed = new CallerNumberCounters();
        _ = indexed.Reading(scenario.Pool, Day);
        var plain = new CallerNumberCounters();
        return (Time(indexed), Time(plain));

        UpdateRow Time(CallerNumberCounters counters)
        {
            CallerNumberCounter[] each = [.. scenario.Pool.Enabled.Select(number => counters.For(number.E164))];
            var random = new Random(CallerIdScenario.Seed);
            for (int i = 0; i < Pairs / 10; i++)
            {
                CallerNumberCounter counter = each[random.Next(each.Length)];
                counter.Started(Day);
                counter.Ended();
            }

            long[] ticks = new long[Pairs];
            for (int i = 0; i < Pairs; i++)
            {
                CallerNumberCounter counter = each[random.Next(each.Length)];
                long start = Stopwatch.GetTimestamp();
                counter.Started(Day);
                counter.Ended();
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }

            double[] ns = Sorted(ticks);
            return new UpdateRow(Pairs, ns.Average(), Percentile(ns, 50), Percentile(ns, 99));
        }
    }

    private static string RenderUpdates((UpdateRow Indexed, UpdateRow Plain) updates)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("A call starting and ending on one number (Started + Ended), timed alone:");
        text.AppendLine();
        text.AppendLine("| Counters | Pairs | Mean ns | p50 ns | p99 ns |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| the pool's, index kept current | {updates.Indexed.Pairs:N0} | {updates.Indexed.Mean:N0} | {updates.Indexed.P50:N0} | {updates.Indexed.P99:N0} |"));
        text.AppendLine(Invariant($"| in no indexed pool (baseline) | {updates.Plain.Pairs:N0} | {updates.Plain.Mean:N0} | {updates.Plain.P50:N0} | {updates.Plain.P99:N0} |"));
        return text.ToString();
    }

    private sealed record UpdateRow(int Pairs, double Mean, double P50, double P99);

    private static double[] Sorted(IEnumerable<long> ticks)
    {
        double[] ns = [.. ticks.Select(t => t * 1e9 / Stopwatch.Frequency)];
        Array.Sort(ns);
        return ns;
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The median cost of one timestamp pair around nothing: what every sample includes.</summary>
    private static double TimerCost()
    {
        double[] ns = new double[100_000];
        for (int i = 0; i < ns.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            ns[i] = (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency;
        }

        Array.Sort(ns);
        return Percentile(ns, 50);
    }

    private static string Render(CallerIdScenario scenario, IReadOnlyList<(string Name, IReadOnlyDictionary<CallerIdTier, int> Tiers)> mixes, List<Row> rows, double timerNs)
    {
        var text = new StringBuilder();
        text.AppendLine("## Caller-ID selection: per-decision latency");
        text.AppendLine();
        text.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}."));
        text.AppendLine(Invariant($"Pool: {scenario.Numbers.Count:N0} numbers ({scenario.Pool.EnabledCount:N0} enabled, {scenario.AtCapCount:N0} at a cap) in {scenario.CitiesWithNumbers} of {scenario.CityCount} cities, {scenario.ProvincesWithNumbersCount} provinces; {scenario.SkillGroupsWithNumbers} of {CallerIdScenario.SkillGroupCount:N0} skill groups have numbers; {scenario.Agents.Count:N0} agents."));
        text.AppendLine(Invariant($"Each decision timed alone with Stopwatch.GetTimestamp (frequency {Stopwatch.Frequency:N0}/s; an empty timestamp pair costs {timerNs:N0} ns, included below), after a warm-up of at least {WarmUp.TotalSeconds:N0} s; requests cycle through the {CallerIdScenario.RequestCount:N0} of each set."));
        text.AppendLine();
        text.AppendLine("Tier the decisions were made in (same for both selectors; the guard checks it):");
        text.AppendLine();
        text.AppendLine("| Request set | Skill group | Same city | Same province | Whole pool |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach ((string name, IReadOnlyDictionary<CallerIdTier, int> tiers) in mixes)
        {
            text.AppendLine(Invariant($"| {name} | {Tier(tiers, CallerIdTier.SkillGroup)} | {Tier(tiers, CallerIdTier.SameCity)} | {Tier(tiers, CallerIdTier.SameProvince)} | {Tier(tiers, CallerIdTier.WholePool)} |"));
        }

        text.AppendLine();
        text.AppendLine("| Request set | Selector | Decisions | Mean ns | p50 ns | p99 ns | p99.9 ns | Max ns | Alloc B/decision | Gen0 GCs | Gen2 GCs | Mean vs baseline |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Row row in rows)
        {
            Row baseline = rows.First(r => r.Set == row.Set && r.Selector != "CallerIdSelector");
            text.AppendLine(Invariant(
                $"| {row.Set} | {row.Selector} | {row.Decisions:N0} | {row.Mean:N0} | {row.P50:N0} | {row.P99:N0} | {row.P999:N0} | {row.Max:N0} | {row.AllocatedPerDecision:N0} | {row.Gen0} | {row.Gen2} | {row.Mean / baseline.Mean:N4} |"));
        }

        text.AppendLine();
        text.AppendLine("By the tier decided in (same runs):");
        text.AppendLine();
        text.AppendLine("| Request set | Selector | Tier | Decisions | Mean ns | p50 ns | p99 ns |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (Row row in rows)
        {
            foreach (TierRow tier in row.ByTier)
            {
                text.AppendLine(Invariant(
                    $"| {row.Set} | {row.Selector} | {tier.Tier?.ToString() ?? "none"} | {tier.Decisions:N0} | {tier.Mean:N0} | {tier.P50:N0} | {tier.P99:N0} |"));
            }
        }

        return text.ToString();
    }

    private static string Tier(IReadOnlyDictionary<CallerIdTier, int> tiers, CallerIdTier tier) =>
        tiers.TryGetValue(tier, out int count) ? count.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(
        string Set,
        string Selector,
        int Decisions,
        double Mean,
        double P50,
        double P99,
        double P999,
        double Max,
        double AllocatedPerDecision,
        int Gen0,
        int Gen2,
        List<TierRow> ByTier);

    private sealed record TierRow(CallerIdTier? Tier, int Decisions, double Mean, double P50, double P99);
}
