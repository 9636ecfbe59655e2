using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using IvrController.Benchmarks.CallerId;
using IvrController.Rules.CallerId;

namespace IvrController.Benchmarks;

/// <summary>
/// Caller-ID decisions over a pool of 10,000 numbers and 1,000 skill groups (<see cref="CallerIdScenario"/>),
/// with <see cref="CallerIdSelector"/> and a LINQ baseline (<see cref="NaiveCallerIdSelector"/>) in the
/// same run. Each invocation decides the 1,000 pre-generated requests of one rule and pick (different
/// agents, callees in different cities, some where the site has no number); OperationsPerInvoke makes
/// every figure per decision. One category per rule and pick, each with its baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[BenchmarkCategory(CallerIdScenario.Category)]
[Config(typeof(Percentiles))]
public class CallerIdBenchmarks
{
    private CallerIdPool _pool = CallerIdPool.Empty;
    private IReadOnlyList<CallerNumber> _numbers = [];
    private CallerNumberUsage _usage = CallerNumberUsage.None;
    private CallerIdRequest[] _requests = [];
    private Random _random = new(CallerIdScenario.Seed);

    // One set-up per request set, so that each benchmark process builds the scenario once and checks only its own requests.
    [GlobalSetup(Targets = [nameof(Naive_SkillGroupRule_Random), nameof(SkillGroupRule_Random)])]
    public void SetupSkillGroupRandom() => Setup(CallerIdScenario.SkillGroupRandomCategory, s => s.SkillGroupRandom);

    [GlobalSetup(Targets = [nameof(Naive_SkillGroupRule_LeastUsed), nameof(SkillGroupRule_LeastUsed)])]
    public void SetupSkillGroupLeastUsed() => Setup(CallerIdScenario.SkillGroupLeastUsedCategory, s => s.SkillGroupLeastUsed);

    [GlobalSetup(Targets = [nameof(Naive_SameRegionRule_Random), nameof(SameRegionRule_Random)])]
    public void SetupSameRegionRandom() => Setup(CallerIdScenario.SameRegionRandomCategory, s => s.SameRegionRandom);

    [GlobalSetup(Targets = [nameof(Naive_SameRegionRule_LeastUsed), nameof(SameRegionRule_LeastUsed)])]
    public void SetupSameRegionLeastUsed() => Setup(CallerIdScenario.SameRegionLeastUsedCategory, s => s.SameRegionLeastUsed);

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SkillGroupRandomCategory)]
    public int Naive_SkillGroupRule_Random() => RunNaive();

    [Benchmark(OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SkillGroupRandomCategory)]
    public int SkillGroupRule_Random() => Run();

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SkillGroupLeastUsedCategory)]
    public int Naive_SkillGroupRule_LeastUsed() => RunNaive();

    [Benchmark(OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SkillGroupLeastUsedCategory)]
    public int SkillGroupRule_LeastUsed() => Run();

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SameRegionRandomCategory)]
    public int Naive_SameRegionRule_Random() => RunNaive();

    [Benchmark(OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SameRegionRandomCategory)]
    public int SameRegionRule_Random() => Run();

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SameRegionLeastUsedCategory)]
    public int Naive_SameRegionRule_LeastUsed() => RunNaive();

    [Benchmark(OperationsPerInvoke = CallerIdScenario.RequestCount)]
    [BenchmarkCategory(CallerIdScenario.SameRegionLeastUsedCategory)]
    public int SameRegionRule_LeastUsed() => Run();

    private void Setup(string name, Func<CallerIdScenario, CallerIdRequest[]> requests)
    {
        CallerIdScenario scenario = CallerIdScenario.Default;
        CallerIdAgreement.Verify(name, requests(scenario), scenario);
        _pool = scenario.Pool;
        _numbers = scenario.Numbers;
        _usage = scenario.Usage;
        _requests = requests(scenario);
        _random = new Random(CallerIdScenario.Seed);
    }

    private int Run()
    {
        int checksum = 0;
        foreach (CallerIdRequest request in _requests)
        {
            checksum += CallerIdSelector.Select(request, _pool, _usage, _random) is CallerIdDecision decision
                ? decision.Number.E164.Length + (int)decision.Tier
                : -1;
        }

        return checksum;
    }

    private int RunNaive()
    {
        int checksum = 0;
        foreach (CallerIdRequest request in _requests)
        {
            checksum += NaiveCallerIdSelector.Select(request, _numbers, _usage, _random) is { } choice
                ? choice.Number.E164.Length + (int)choice.Tier
                : -1;
        }

        return checksum;
    }

    /// <summary>Adds P95 and P99 (of the iteration means) to this class's summary.</summary>
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.P95, P99Column.Instance);
        }
    }
}
