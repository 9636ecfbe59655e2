using System.Collections.Frozen;
using IvrController.Rules.CallerId;
using IvrController.Rules.Regions;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.CallerId;

/// <summary>
/// The whole-pool tier's index against a model: after every call that starts or ends and every count
/// set from elsewhere, a whole-pool decision must find exactly the free numbers the rules define and pick
/// one of them (the least used ones for least-used).
/// </summary>
public sealed class CallerNumberAvailabilityTests
{
    private const int Day = 20_000;

    private static CallerIdRequest WholePoolRequest(CandidatePick pick) =>
        new("1001", ["a-group-without-numbers"], N("13812345678"), RegionLookup.Unknown, CallerIdRule.SkillGroup, pick);

    /// <summary>Numbers with caps drawn at random (a third without each cap), or the caps given.</summary>
    private static CallerNumber[] Numbers(int count, Random random, (int? MaxConcurrent, int? DailyCap)? caps = null) =>
    [
        .. Enumerable.Range(0, count).Select(i => new CallerNumber
        {
            Number = N($"021{52810000 + i}"),
            SkillGroupIds = FrozenSet<string>.Empty,
            MaxConcurrent = caps is { } given ? given.MaxConcurrent : random.Next(3) == 0 ? null : random.Next(1, 4),
            DailyCap = caps is { } fixedCaps ? fixedCaps.DailyCap : random.Next(3) == 0 ? null : random.Next(1, 8),
        }),
    ];

    private sealed class Counted(CallerNumberCounters counters, int day) : ICallerNumberUsage
    {
        public int Day { get; set; } = day;

        public CallerNumberReading Read(CallerIdPool pool) => counters.Reading(pool, Day);
    }

    /// <summary>The rules, written out: free numbers and, among them, the least used.</summary>
    private static (HashSet<string> Free, HashSet<string> LeastUsed, int Fewest) Model(CallerNumber[] numbers, CallerNumberCounters counters, int day)
    {
        var free = numbers
            .Where(n => counters.For(n.E164).Concurrent < (n.MaxConcurrent ?? int.MaxValue)
                && counters.For(n.E164).CallsOn(day) < (n.DailyCap ?? int.MaxValue))
            .ToList();
        int fewest = free.Count == 0 ? 0 : free.Min(n => counters.For(n.E164).CallsOn(day));
        return (
            free.Select(n => n.E164).ToHashSet(StringComparer.Ordinal),
            free.Where(n => counters.For(n.E164).CallsOn(day) == fewest).Select(n => n.E164).ToHashSet(StringComparer.Ordinal),
            fewest);
    }

    private static void AssertAgreesWithModel(CallerNumber[] numbers, CallerIdPool pool, CallerNumberCounters counters, Counted usage, Random random)
    {
        (HashSet<string> free, HashSet<string> leastUsed, int fewest) = Model(numbers, counters, usage.Day);
        foreach (CandidatePick pick in new[] { CandidatePick.Random, CandidatePick.LeastUsedToday })
        {
            CallerIdOutcome outcome = CallerIdSelector.Select(WholePoolRequest(pick), pool, usage, random);
            CallerIdTierAttempt wholePool = outcome.Attempts[^1];
            Assert.Equal(CallerIdTier.WholePool, wholePool.Tier);
            Assert.Equal(numbers.Length - free.Count, wholePool.SkippedAtCap);
            if (free.Count == 0)
            {
                Assert.IsType<NoCallerNumberAvailable>(outcome);
                continue;
            }

            CallerIdDecision decision = Assert.IsType<CallerIdDecision>(outcome);
            if (pick == CandidatePick.Random)
            {
                Assert.Contains(decision.Number.E164, free);
            }
            else
            {
                Assert.Contains(decision.Number.E164, leastUsed);
                Assert.Equal((fewest, leastUsed.Count), (decision.CallsTodayOfPick, decision.TiedAtLeastUse));
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    [InlineData(4, 300)]
    public void Whole_pool_decisions_follow_every_call_that_starts_and_ends(int seed, int size)
    {
        var random = new Random(seed);
        CallerNumber[] numbers = Numbers(size, random);
        var pool = new CallerIdPool(numbers);
        var counters = new CallerNumberCounters();
        var usage = new Counted(counters, Day);
        var inProgress = new List<CallerNumberCounter>();

        for (int step = 0; step < 2_000; step++)
        {
            CallerNumberCounter counter = counters.For(numbers[random.Next(size)].E164);
            switch (random.Next(10))
            {
                case < 5:
                    counter.Started(Day);
                    inProgress.Add(counter);
                    break;
                case < 9 when inProgress.Count > 0:
                    int which = random.Next(inProgress.Count);
                    inProgress[which].Ended();
                    inProgress.RemoveAt(which);
                    break;
                default:
                    counter.SetCallsOn(Day, random.Next(4));
                    break;
            }

            AssertAgreesWithModel(numbers, pool, counters, usage, random);
        }
    }

    [Fact]
    public void A_new_day_frees_the_numbers_at_their_daily_cap()
    {
        var random = new Random(5);
        CallerNumber[] numbers = Numbers(50, random, (null, 2));
        var pool = new CallerIdPool(numbers);
        var counters = new CallerNumberCounters();
        var usage = new Counted(counters, Day);
        foreach (CallerNumber number in numbers)
        {
            counters.For(number.E164).SetCallsOn(Day, 2);
        }

        Assert.IsType<NoCallerNumberAvailable>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), pool, usage, random));

        usage.Day = Day + 1;
        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.LeastUsedToday), pool, usage, random));
        Assert.Equal((50, 0, 50), (decision.CandidateCount, decision.CallsTodayOfPick, decision.TiedAtLeastUse));
        AssertAgreesWithModel(numbers, pool, counters, usage, random);
    }

    [Fact]
    public void After_a_rule_change_the_old_pool_scans_and_the_new_one_follows_the_calls()
    {
        var random = new Random(6);
        CallerNumber[] numbers = Numbers(40, random, (1, null));
        var counters = new CallerNumberCounters();
        var usage = new Counted(counters, Day);
        var oldPool = new CallerIdPool(numbers);
        Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), oldPool, usage, random));

        // The new snapshot drops the first ten numbers; both snapshots must still decide by the same counters.
        CallerNumber[] kept = numbers[10..];
        var newPool = new CallerIdPool(kept);
        Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), newPool, usage, random));

        foreach (CallerNumber number in numbers.Where((_, i) => i % 3 == 0))
        {
            counters.For(number.E164).Started(Day);
        }

        AssertAgreesWithModel(numbers, oldPool, counters, usage, random);
        AssertAgreesWithModel(kept, newPool, counters, usage, random);

        foreach (CallerNumber number in kept)
        {
            counters.For(number.E164).Started(Day);
        }

        Assert.IsType<NoCallerNumberAvailable>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), newPool, usage, random));
        CallerIdDecision fromOld = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), oldPool, usage, random));
        Assert.Contains(fromOld.Number, numbers[..10].Where((_, i) => i % 3 != 0));
    }

    [Fact]
    public void Random_whole_pool_picks_reach_every_free_number()
    {
        var random = new Random(7);
        CallerNumber[] numbers = Numbers(30, random, (1, null));
        var pool = new CallerIdPool(numbers);
        var counters = new CallerNumberCounters();
        var usage = new Counted(counters, Day);
        foreach (CallerNumber number in numbers.Where((_, i) => i % 2 == 0))
        {
            counters.For(number.E164).Started(Day);
        }

        var picks = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 2_000; i++)
        {
            picks.Add(Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(WholePoolRequest(CandidatePick.Random), pool, usage, random)).Number.E164);
        }

        Assert.Equal(numbers.Where((_, i) => i % 2 == 1).Select(n => n.E164).Order(), picks.Order());
    }
}
