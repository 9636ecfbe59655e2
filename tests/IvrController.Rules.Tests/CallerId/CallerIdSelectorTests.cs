using System.Collections.Frozen;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;
using IvrController.Rules.Tests.Support;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.CallerId;

public sealed class CallerIdSelectorTests
{
    private static readonly PhoneNumber Callee = N("13812345678");
    private static readonly NumberRegion Guangzhou = new("广东", "广州");

    private static CallerNumber Ours(string raw, string? province = null, string? city = null, string[]? groups = null, bool enabled = true, int? maxConcurrent = null, int? dailyCap = null) =>
        new()
        {
            Number = N(raw),
            Region = province is null ? null : new NumberRegion(province, city ?? ""),
            SkillGroupIds = (groups ?? []).ToFrozenSet(StringComparer.Ordinal),
            Enabled = enabled,
            MaxConcurrent = maxConcurrent,
            DailyCap = dailyCap,
        };

    private static CallerIdRequest SkillGroupRequest(CandidatePick pick = CandidatePick.Random, params string[] groups) =>
        new("1001", groups, Callee, RegionLookup.Unknown, CallerIdRule.SkillGroup, pick);

    private static CallerIdRequest SameRegionRequest(NumberRegion? region, CandidatePick pick = CandidatePick.Random) =>
        new("1001", [], Callee, region is null ? RegionLookup.Unknown : new RegionLookup(region, RegionSource.Table), CallerIdRule.SameRegion, pick);

    private static CallerIdDecision Decided(CallerIdOutcome outcome) => Assert.IsType<CallerIdDecision>(outcome);

    private static HashSet<string> PicksOver(int seeds, CallerIdRequest request, CallerIdPool pool, ICallerNumberUsage usage)
    {
        var picks = new HashSet<string>(StringComparer.Ordinal);
        for (int seed = 0; seed < seeds; seed++)
        {
            picks.Add(Decided(CallerIdSelector.Select(request, pool, usage, new Random(seed))).Number.E164);
        }

        return picks;
    }

    [Fact]
    public void Skill_group_rule_picks_only_numbers_linked_to_the_agents_groups()
    {
        var pool = new CallerIdPool(
        [
            Ours("02152810001", groups: ["sales"]),
            Ours("02152810002", groups: ["sales"]),
            Ours("02152810003", groups: ["service"]),
            Ours("02152810004"),
        ]);

        Assert.Equal(["+862152810001", "+862152810002"], PicksOver(200, SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None).Order());

        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(CallerIdTier.SkillGroup, decision.Tier);
        Assert.Equal(CallerIdRule.SkillGroup, decision.Rule);
        Assert.Equal(2, decision.CandidateCount);
        Assert.Equal(0, decision.SkippedAtCap);
        Assert.Equal([new CallerIdTierAttempt(CallerIdTier.SkillGroup, 2, 0)], decision.Attempts);
    }

    [Fact]
    public void Skill_group_rule_uses_the_whole_pool_when_no_number_is_linked_to_the_agents_groups()
    {
        var pool = new CallerIdPool([Ours("02152810001", groups: ["sales"]), Ours("02152810002")]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "collections"), pool, CallerNumberUsage.None, new Random(1)));

        Assert.Equal(CallerIdTier.WholePool, decision.Tier);
        Assert.Equal(2, decision.CandidateCount);
        Assert.Equal(
            [new CallerIdTierAttempt(CallerIdTier.SkillGroup, 0, 0), new CallerIdTierAttempt(CallerIdTier.WholePool, 2, 0)],
            decision.Attempts);
    }

    [Fact]
    public void An_agent_without_outbound_skill_groups_gets_the_whole_pool()
    {
        var pool = new CallerIdPool([Ours("02152810001", groups: ["sales"])]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(CallerIdTier.WholePool, decision.Tier);
        Assert.Equal("+862152810001", decision.Number.E164);
    }

    [Fact]
    public void A_number_linked_to_two_of_the_agents_groups_is_one_candidate()
    {
        var pool = new CallerIdPool(
        [
            Ours("02152810001", groups: ["sales", "vip"]),
            Ours("02152810002", groups: ["vip"]),
            Ours("02152810003", groups: ["service"]),
        ]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(CandidatePick.Random, "sales", "vip"), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(new CallerIdTierAttempt(CallerIdTier.SkillGroup, 2, 0), decision.Attempts[0]);
        Assert.Equal(["+862152810001", "+862152810002"], PicksOver(200, SkillGroupRequest(CandidatePick.Random, "sales", "vip"), pool, CallerNumberUsage.None).Order());
    }

    [Fact]
    public void A_skill_group_whose_numbers_are_all_at_cap_falls_through_to_the_whole_pool()
    {
        CallerNumber busy = Ours("02152810001", groups: ["sales"], maxConcurrent: 2);
        CallerNumber spent = Ours("02152810002", groups: ["sales"], dailyCap: 100);
        CallerNumber free = Ours("02152810003");
        var pool = new CallerIdPool([busy, spent, free]);
        Usage usage = new Usage().Concurrent(busy, 2).Today(spent, 100);

        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, usage, new Random(1)));

        Assert.Same(free, decision.Number);
        Assert.Equal(CallerIdTier.WholePool, decision.Tier);
        Assert.Equal(1, decision.CandidateCount);
        Assert.Equal(2, decision.SkippedAtCap);
        Assert.Equal(
            [new CallerIdTierAttempt(CallerIdTier.SkillGroup, 2, 2), new CallerIdTierAttempt(CallerIdTier.WholePool, 3, 2)],
            decision.Attempts);
    }

    [Fact]
    public void Numbers_below_their_caps_stay_candidates()
    {
        CallerNumber number = Ours("02152810001", groups: ["sales"], maxConcurrent: 2, dailyCap: 100);
        var pool = new CallerIdPool([number]);
        Usage usage = new Usage().Concurrent(number, 1).Today(number, 99);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, usage, new Random(1)));
        Assert.Equal((CallerIdTier.SkillGroup, 1, 0), (decision.Tier, decision.CandidateCount, decision.SkippedAtCap));
    }

    [Fact]
    public void Same_region_rule_prefers_a_number_in_the_callee_city()
    {
        var pool = new CallerIdPool(
        [
            Ours("02152810001", "上海", ""),
            Ours("02012345601", "广东省", "广州市"),
            Ours("075512345601", "广东", "深圳"),
            Ours("01062345601", "北京", "北京"),
        ]);

        Assert.Equal(["+862012345601"], PicksOver(100, SameRegionRequest(Guangzhou), pool, CallerNumberUsage.None));
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SameRegionRequest(Guangzhou), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(CallerIdTier.SameCity, decision.Tier);
        Assert.Equal([new CallerIdTierAttempt(CallerIdTier.SameCity, 1, 0)], decision.Attempts);
    }

    [Fact]
    public void Same_region_rule_uses_the_callee_province_when_the_city_numbers_are_at_cap()
    {
        CallerNumber guangzhou = Ours("02012345601", "广东", "广州", maxConcurrent: 1);
        CallerNumber shenzhen = Ours("075512345601", "广东", "深圳");
        var pool = new CallerIdPool([Ours("02152810001", "上海", ""), guangzhou, shenzhen]);
        Usage usage = new Usage().Concurrent(guangzhou, 1);

        CallerIdDecision decision = Decided(CallerIdSelector.Select(SameRegionRequest(Guangzhou), pool, usage, new Random(1)));

        Assert.Same(shenzhen, decision.Number);
        Assert.Equal(CallerIdTier.SameProvince, decision.Tier);
        Assert.Equal(
            [new CallerIdTierAttempt(CallerIdTier.SameCity, 1, 1), new CallerIdTierAttempt(CallerIdTier.SameProvince, 2, 1)],
            decision.Attempts);
    }

    [Fact]
    public void Same_region_rule_uses_the_whole_pool_when_nothing_is_in_the_callee_province()
    {
        var pool = new CallerIdPool([Ours("02152810001", "上海", ""), Ours("01062345601", "北京", "")]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SameRegionRequest(Guangzhou), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(CallerIdTier.WholePool, decision.Tier);
        Assert.Equal(
            [
                new CallerIdTierAttempt(CallerIdTier.SameCity, 0, 0),
                new CallerIdTierAttempt(CallerIdTier.SameProvince, 0, 0),
                new CallerIdTierAttempt(CallerIdTier.WholePool, 2, 0),
            ],
            decision.Attempts);
    }

    [Fact]
    public void Same_region_rule_with_an_unplaced_callee_goes_straight_to_the_whole_pool()
    {
        var pool = new CallerIdPool([Ours("02012345601", "广东", "广州")]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SameRegionRequest(null), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal([new CallerIdTierAttempt(CallerIdTier.WholePool, 1, 0)], decision.Attempts);
        Assert.Equal("rule same region: callee 138****5678 in unknown region; whole pool: 1 number → +862012345601 at random among 1 candidate", decision.Reason);
    }

    [Fact]
    public void Disabled_numbers_are_never_used()
    {
        var pool = new CallerIdPool(
        [
            Ours("02152810001", groups: ["sales"], enabled: false),
            Ours("02152810002", groups: ["sales"]),
            Ours("02152810003", enabled: false),
        ]);
        Assert.Equal(["+862152810002"], PicksOver(200, SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None));
        Assert.Equal(3, pool.Count);
        Assert.Equal(1, pool.EnabledCount);
    }

    [Fact]
    public void An_empty_pool_is_a_typed_failure_never_the_agents_extension()
    {
        var pool = new CallerIdPool([Ours("02152810001", enabled: false)]);
        NoCallerNumberAvailable none = Assert.IsType<NoCallerNumberAvailable>(
            CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None, new Random(1)));
        Assert.Equal(NoCallerNumberReason.EmptyPool, none.Why);
        Assert.Empty(none.Attempts);
        Assert.Equal("rule skill group: callee 138****5678; no caller number available: the pool has no enabled number", none.Reason);
    }

    [Fact]
    public void Every_number_at_a_cap_is_a_typed_failure_with_the_tiers_it_tried()
    {
        CallerNumber a = Ours("02152810001", groups: ["sales"], maxConcurrent: 1);
        CallerNumber b = Ours("02152810002", dailyCap: 50);
        var pool = new CallerIdPool([a, b]);
        Usage usage = new Usage().Concurrent(a, 1).Today(b, 50);

        NoCallerNumberAvailable none = Assert.IsType<NoCallerNumberAvailable>(
            CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, usage, new Random(1)));

        Assert.Equal(NoCallerNumberReason.AllAtCap, none.Why);
        Assert.Equal(
            [new CallerIdTierAttempt(CallerIdTier.SkillGroup, 1, 1), new CallerIdTierAttempt(CallerIdTier.WholePool, 2, 2)],
            none.Attempts);
        Assert.Equal(
            "rule skill group: callee 138****5678, agent 1001 in 1 outbound skill group; skill group: 1 number, all at cap; whole pool: 2 numbers, all at cap → no caller number available: every number is at its concurrency or daily cap",
            none.Reason);
    }

    [Fact]
    public void Least_used_today_picks_the_number_with_the_fewest_calls()
    {
        CallerNumber a = Ours("02152810001", groups: ["sales"]);
        CallerNumber b = Ours("02152810002", groups: ["sales"]);
        CallerNumber c = Ours("02152810003", groups: ["sales"]);
        var pool = new CallerIdPool([a, b, c]);
        Usage usage = new Usage().Today(a, 5).Today(b, 2).Today(c, 7);
        CallerIdRequest request = SkillGroupRequest(CandidatePick.LeastUsedToday, "sales");

        Assert.Equal(["+862152810002"], PicksOver(50, request, pool, usage));
        CallerIdDecision decision = Decided(CallerIdSelector.Select(request, pool, usage, new Random(1)));
        Assert.Equal((2, 1, 3), (decision.CallsTodayOfPick, decision.TiedAtLeastUse, decision.CandidateCount));
        Assert.Equal(
            "rule skill group: callee 138****5678, agent 1001 in 1 outbound skill group; skill group: 3 numbers → +862152810002 least used today (2 calls, 1 tied) among 3 candidates",
            decision.Reason);
    }

    [Fact]
    public void Least_used_today_breaks_ties_at_random_and_ignores_numbers_at_cap()
    {
        CallerNumber a = Ours("02152810001", groups: ["sales"]);
        CallerNumber b = Ours("02152810002", groups: ["sales"]);
        CallerNumber c = Ours("02152810003", groups: ["sales"]);
        CallerNumber capped = Ours("02152810004", groups: ["sales"], dailyCap: 1);
        var pool = new CallerIdPool([a, b, c, capped]);
        Usage usage = new Usage().Today(a, 5).Today(b, 2).Today(c, 2).Today(capped, 1);
        CallerIdRequest request = SkillGroupRequest(CandidatePick.LeastUsedToday, "sales");

        Assert.Equal(["+862152810002", "+862152810003"], PicksOver(100, request, pool, usage).Order());
        CallerIdDecision decision = Decided(CallerIdSelector.Select(request, pool, usage, new Random(1)));
        Assert.Equal((2, 2, 3, 1), (decision.CallsTodayOfPick, decision.TiedAtLeastUse, decision.CandidateCount, decision.SkippedAtCap));
    }

    [Fact]
    public void A_seeded_random_pick_spreads_over_every_candidate()
    {
        CallerNumber[] candidates =
        [
            Ours("02152810001", groups: ["sales"]),
            Ours("02152810002", groups: ["sales"]),
            Ours("02152810003", groups: ["sales"]),
            Ours("02152810004", groups: ["sales"]),
        ];
        var pool = new CallerIdPool([.. candidates, Ours("02152810005", groups: ["service"])]);
        var random = new Random(20240601);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < 1000; i++)
        {
            CallerIdDecision decision = Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None, random));
            counts[decision.Number.E164] = counts.GetValueOrDefault(decision.Number.E164) + 1;
        }

        Assert.Equal(candidates.Select(c => c.E164).Order(), counts.Keys.Order());
        Assert.Equal(1000, counts.Values.Sum());
        // Expected 250 each; with 1,000 draws a uniform pick stays well inside 200..300 (over 3.5 sigma).
        Assert.All(counts.Values, count => Assert.InRange(count, 200, 300));
    }

    [Fact]
    public void The_same_seed_makes_the_same_decisions()
    {
        var pool = new CallerIdPool(Enumerable.Range(0, 20).Select(i => Ours($"021528100{i:00}", groups: ["sales"])));
        string[] first = Run(new Random(7));
        string[] second = Run(new Random(7));
        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 5);

        string[] Run(Random random) =>
            [.. Enumerable.Range(0, 30).Select(_ => Decided(CallerIdSelector.Select(SkillGroupRequest(groups: "sales"), pool, CallerNumberUsage.None, random)).Number.E164)];
    }

    [Fact]
    public void The_reason_names_rule_tiers_caps_and_pick_with_the_callee_masked()
    {
        CallerNumber guangzhou = Ours("02012345601", "广东", "广州", maxConcurrent: 1);
        CallerNumber shenzhen = Ours("075512345601", "广东", "深圳");
        var pool = new CallerIdPool([guangzhou, shenzhen]);
        CallerIdDecision decision = Decided(CallerIdSelector.Select(SameRegionRequest(Guangzhou), pool, new Usage().Concurrent(guangzhou, 3), new Random(1)));

        Assert.Equal(
            "rule same region: callee 138****5678 in 广东/广州 (prefix table); same city: 1 number, all at cap; same province: 2 numbers, 1 at cap → +8675512345601 at random among 1 candidate",
            decision.Reason);
        Assert.Equal(decision.Reason, decision.ToString());
        Assert.DoesNotContain("13812345678", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_numbers_with_one_e164_are_refused() =>
        Assert.Throws<ArgumentException>(() => new CallerIdPool([Ours("02152810001"), Ours("+86 21 5281 0001")]));

    [Fact]
    public void The_pool_finds_our_numbers_enabled_or_not()
    {
        var pool = new CallerIdPool([Ours("02152810001", enabled: false)]);
        Assert.True(pool.TryGet(N("+862152810001"), out CallerNumber? number));
        Assert.False(number.Enabled);
        Assert.False(pool.TryGet(N("02152810002"), out _));
    }
}
