using IvrController.Rules.CallerId;

namespace IvrController.Benchmarks.CallerId;

/// <summary>The number a <see cref="NaiveCallerIdSelector"/> chose, the tier it came from and how many candidates that tier had.</summary>
internal sealed record NaiveCallerIdChoice(CallerNumber Number, CallerIdTier Tier, int Candidates);

/// <summary>
/// The baseline: caller-ID selection as it is usually first written. Same rules as
/// <see cref="CallerIdSelector"/> (the tiers in order, capped numbers skipped, a random or least-used
/// pick), but every tier is a LINQ filter over the whole list of numbers, materialised with
/// <c>ToList()</c>: no index, no pooling.
/// </summary>
internal static class NaiveCallerIdSelector
{
    private static readonly CallerIdTier[] SkillGroupTiers = [CallerIdTier.SkillGroup, CallerIdTier.WholePool];
    private static readonly CallerIdTier[] RegionTiers = [CallerIdTier.SameCity, CallerIdTier.SameProvince, CallerIdTier.WholePool];
    private static readonly CallerIdTier[] WholePoolOnly = [CallerIdTier.WholePool];

    /// <summary>Null when every enabled number is at a cap (or none is enabled).</summary>
    public static NaiveCallerIdChoice? Select(CallerIdRequest request, IReadOnlyList<CallerNumber> numbers, CallerNumberUsage usage, Random random)
    {
        foreach (CallerIdTier tier in TiersOf(request))
        {
            List<CallerNumber> candidates = Candidates(request, tier, numbers, usage);
            if (candidates.Count == 0)
            {
                continue;
            }

            List<CallerNumber> pickFrom = candidates;
            if (request.Pick == CandidatePick.LeastUsedToday)
            {
                int fewest = candidates.Min(usage.CallsToday);
                pickFrom = candidates.Where(n => usage.CallsToday(n) == fewest).ToList();
            }

            return new NaiveCallerIdChoice(pickFrom[random.Next(pickFrom.Count)], tier, candidates.Count);
        }

        return null;
    }

    /// <summary>The tiers the request's rule tries, in order.</summary>
    public static CallerIdTier[] TiersOf(CallerIdRequest request) =>
        request.Rule == CallerIdRule.SkillGroup ? SkillGroupTiers
        : request.CalleeRegion.Region is null ? WholePoolOnly
        : RegionTiers;

    /// <summary>The enabled numbers of a tier that are not at a cap.</summary>
    public static List<CallerNumber> Candidates(CallerIdRequest request, CallerIdTier tier, IReadOnlyList<CallerNumber> numbers, CallerNumberUsage usage) =>
        numbers
            .Where(n => n.Enabled && InTier(n, request, tier))
            .Where(n => !IsAtCap(n, usage))
            .ToList();

    public static bool IsAtCap(CallerNumber number, CallerNumberUsage usage) =>
        (number.MaxConcurrent is int max && usage.ConcurrentCalls(number) >= max)
        || (number.DailyCap is int cap && usage.CallsToday(number) >= cap);

    private static bool InTier(CallerNumber number, CallerIdRequest request, CallerIdTier tier) => tier switch
    {
        CallerIdTier.SkillGroup => number.SkillGroupIds.Overlaps(request.AgentSkillGroupIds),
        CallerIdTier.SameCity => number.Region is not null && number.Region == request.CalleeRegion.Region,
        CallerIdTier.SameProvince => number.Region is not null && number.Region.Province == request.CalleeRegion.Region?.Province,
        _ => true,
    };
}
