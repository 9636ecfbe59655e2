using System.Collections.Frozen;
using IvrController.Rules.CallerId;
using IvrController.Rules.Regions;
using IvrController.Rules.Tests.Support;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.CallerId;

/// <summary>10,000 numbers in 1,000 skill groups across 300 cities: decisions read only the tiers they need.</summary>
public sealed class CallerIdPoolScaleTests
{
    private const int NumbersCount = 10_000;
    private const int GroupCount = 1_000;

    private static readonly Lazy<(CallerIdPool Pool, CallerNumber[] Numbers)> Large = new(() =>
    {
        string[] provinces = ["河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "广西", "宁夏", "新疆", "西藏", "内蒙古", "黑龙江", "台湾", "香港", "澳门"];
        var numbers = new CallerNumber[NumbersCount];
        for (int i = 0; i < NumbersCount; i++)
        {
            numbers[i] = new CallerNumber
            {
                Number = N($"0{310 + (i / 100)}{20000000 + i}"),
                Region = new NumberRegion(provinces[i % 30], $"城{i % 300}"),
                SkillGroupIds = FrozenSet.Create(StringComparer.Ordinal, $"g{i % GroupCount}"),
                MaxConcurrent = 5,
                DailyCap = 500,
            };
        }

        return (new CallerIdPool(numbers), numbers);
    });

    [Fact]
    public void A_skill_group_decision_reads_only_that_groups_numbers()
    {
        (CallerIdPool pool, _) = Large.Value;
        var usage = new Usage();
        var request = new CallerIdRequest("1001", ["g42"], N("13812345678"), RegionLookup.Unknown, CallerIdRule.SkillGroup, CandidatePick.Random);

        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(request, pool, usage, new Random(3)));

        Assert.Equal(CallerIdTier.SkillGroup, decision.Tier);
        Assert.Equal(10, decision.CandidateCount);
        Assert.Contains("g42", decision.Number.SkillGroupIds);
        // The group's 10 numbers were looked at, and nothing else.
        Assert.Equal([new CallerIdTierAttempt(CallerIdTier.SkillGroup, 10, 0)], decision.Attempts);
    }

    [Fact]
    public void A_same_city_decision_reads_only_that_citys_numbers()
    {
        (CallerIdPool pool, CallerNumber[] numbers) = Large.Value;
        var usage = new Usage();
        NumberRegion city = numbers[7].Region!;
        var request = new CallerIdRequest("1001", [], N("13812345678"), new RegionLookup(city, RegionSource.Table), CallerIdRule.SameRegion, CandidatePick.LeastUsedToday);

        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(request, pool, usage, new Random(3)));

        Assert.Equal(CallerIdTier.SameCity, decision.Tier);
        Assert.Equal(city, decision.Number.Region);
        // Numbers 7, 307, … 9907 are in that city: 34 of them.
        Assert.Equal(34, decision.CandidateCount);
        // The city's numbers were looked at, and no other number.
        Assert.Equal([new CallerIdTierAttempt(CallerIdTier.SameCity, 34, 0)], decision.Attempts);
    }

    [Fact]
    public void An_agent_in_many_groups_is_decided_over_their_union()
    {
        (CallerIdPool pool, _) = Large.Value;
        string[] groups = [.. Enumerable.Range(0, 200).Select(i => $"g{i}")];
        var request = new CallerIdRequest("1001", groups, N("13812345678"), RegionLookup.Unknown, CallerIdRule.SkillGroup, CandidatePick.Random);
        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(request, pool, CallerNumberUsage.None, new Random(3)));
        Assert.Equal(2000, decision.CandidateCount);
    }

    [Fact]
    public void The_whole_pool_tier_decides_over_all_ten_thousand_numbers()
    {
        (CallerIdPool pool, _) = Large.Value;
        var request = new CallerIdRequest("1001", ["no-such-group"], N("13812345678"), RegionLookup.Unknown, CallerIdRule.SkillGroup, CandidatePick.Random);
        CallerIdDecision decision = Assert.IsType<CallerIdDecision>(CallerIdSelector.Select(request, pool, CallerNumberUsage.None, new Random(3)));
        Assert.Equal((CallerIdTier.WholePool, NumbersCount), (decision.Tier, decision.CandidateCount));
    }

    [Fact]
    public void A_skill_group_decision_allocates_little()
    {
        (CallerIdPool pool, _) = Large.Value;
        var request = new CallerIdRequest("1001", ["g42"], N("13812345678"), RegionLookup.Unknown, CallerIdRule.SkillGroup, CandidatePick.Random);
        var random = new Random(3);
        for (int i = 0; i < 100; i++)
        {
            CallerIdSelector.Select(request, pool, CallerNumberUsage.None, random);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        const int decisions = 1_000;
        for (int i = 0; i < decisions; i++)
        {
            CallerIdSelector.Select(request, pool, CallerNumberUsage.None, random);
        }

        long perDecision = (GC.GetAllocatedBytesForCurrentThread() - before) / decisions;
        // The decision object, its attempts array and the enumerator of the agent's groups; never per-number.
        Assert.InRange(perDecision, 1, 256);
    }
}
