using IvrController.Rules.CallerId;

namespace IvrController.Benchmarks.CallerId;

/// <summary>
/// Guards the benchmark against measuring a selector that decides something else: for every
/// pre-generated request, the Rules selector and the baseline must decide in the same tier, the
/// selector's number must be one of that tier's candidates (enabled, in the tier, not at a cap), its
/// candidate count must be the tier's, and a least-used pick must have the fewest calls today. The
/// request mix must also reach every tier of each rule, so that the fall-through paths are measured.
/// </summary>
internal static class CallerIdAgreement
{
    /// <summary>Throws on the first disagreement; returns how many requests of each set were decided in each tier.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<CallerIdTier, int> Tiers)> Verify(CallerIdScenario scenario)
    {
        var mixes = new List<(string, IReadOnlyDictionary<CallerIdTier, int>)>();
        foreach ((string name, CallerIdRequest[] requests) in scenario.RequestSets())
        {
            mixes.Add((name, Verify(name, requests, scenario)));
        }

        return mixes;
    }

    /// <summary>Checks one request set; returns how many of its requests were decided in each tier.</summary>
    public static Dictionary<CallerIdTier, int> Verify(string name, CallerIdRequest[] requests, CallerIdScenario scenario)
    {
        if (requests.Length != CallerIdScenario.RequestCount)
        {
            throw new InvalidOperationException($"{name}: {requests.Length} requests, not {CallerIdScenario.RequestCount} (OperationsPerInvoke)");
        }

        var ours = new Random(CallerIdScenario.Seed);
        var baseline = new Random(CallerIdScenario.Seed);
        var tiers = new Dictionary<CallerIdTier, int>();
        for (int i = 0; i < requests.Length; i++)
        {
            CallerIdRequest request = requests[i];
            CallerIdOutcome outcome = CallerIdSelector.Select(request, scenario.Pool, scenario.Usage, ours);
            NaiveCallerIdChoice? naive = NaiveCallerIdSelector.Select(request, scenario.Numbers, scenario.Usage, baseline);
            if (outcome is not CallerIdDecision decision || naive is null)
            {
                throw new InvalidOperationException(
                    $"{name}: request {i} was not decided (Rules: {outcome.GetType().Name}, baseline: {(naive is null ? "none" : "a number")}); the scenario must always leave a free number");
            }

            if (decision.Tier != naive.Tier)
            {
                throw new InvalidOperationException($"{name}: request {i} decided in {decision.Tier} by the Rules selector but in {naive.Tier} by the baseline ({decision.Reason})");
            }

            List<CallerNumber> candidates = NaiveCallerIdSelector.Candidates(request, decision.Tier, scenario.Numbers, scenario.Usage);
            if (!candidates.Contains(decision.Number))
            {
                throw new InvalidOperationException($"{name}: request {i}: {decision.Number.E164} is not a candidate of the {decision.Tier} tier ({decision.Reason})");
            }

            if (decision.CandidateCount != candidates.Count || naive.Candidates != candidates.Count)
            {
                throw new InvalidOperationException(
                    $"{name}: request {i}: the {decision.Tier} tier has {candidates.Count} candidates, the Rules selector counted {decision.CandidateCount}, the baseline {naive.Candidates}");
            }

            if (request.Pick == CandidatePick.LeastUsedToday)
            {
                int fewest = candidates.Min(scenario.Usage.CallsToday);
                int tied = candidates.Count(n => scenario.Usage.CallsToday(n) == fewest);
                if (scenario.Usage.CallsToday(decision.Number) != fewest || decision.CallsTodayOfPick != fewest
                    || decision.TiedAtLeastUse != tied || scenario.Usage.CallsToday(naive.Number) != fewest)
                {
                    throw new InvalidOperationException(
                        $"{name}: request {i}: the least used candidates have {fewest} calls today ({tied} tied); the Rules selector picked one with {scenario.Usage.CallsToday(decision.Number)} ({decision.Reason})");
                }
            }

            tiers[decision.Tier] = tiers.GetValueOrDefault(decision.Tier) + 1;
        }

        CallerIdTier[] expected = requests[0].Rule == CallerIdRule.SkillGroup
            ? [CallerIdTier.SkillGroup, CallerIdTier.WholePool]
            : [CallerIdTier.SameCity, CallerIdTier.SameProvince, CallerIdTier.WholePool];
        foreach (CallerIdTier tier in expected)
        {
            if (!tiers.ContainsKey(tier))
            {
                throw new InvalidOperationException($"{name}: no request was decided in the {tier} tier; the request mix must reach every tier");
            }
        }

        return tiers;
    }
}
