using System.Buffers;

namespace IvrController.Rules.CallerId;

/// <summary>
/// Chooses the number a customer sees (DESIGN 2.5). Tiers are tried in order — skill group then whole
/// pool, or same city, same province, whole pool — and a tier whose numbers are all at a cap falls
/// through to the next. Within a tier one number is picked at random or least-used-today (ties at
/// random), with the injected <see cref="Random"/> so a seed reproduces a decision; the whole-pool tier asks
/// the pool's <see cref="CallerNumberAvailability"/> instead of visiting every number. Disabled numbers are
/// not in the pool. No number at all is an outcome, not an exception: running out of capacity is normal.
/// </summary>
public static class CallerIdSelector
{
    private const int MaxAttempts = 3;
    private const int StackBitsetWords = 512;

    public static CallerIdOutcome Select(CallerIdRequest request, CallerIdPool pool, ICallerNumberUsage usage, Random random)
    {
        if (pool.EnabledCount == 0)
        {
            return new NoCallerNumberAvailable(request, [], NoCallerNumberReason.EmptyPool);
        }

        CallerNumberReading reading = usage.Read(pool);
        Span<CallerIdTierAttempt> attempts = stackalloc CallerIdTierAttempt[MaxAttempts];
        int attemptCount = 0;
        int[] rented = ArrayPool<int>.Shared.Rent(pool.EnabledCount);
        try
        {
            var scan = new TierScan(rented);
            if (request.Rule == CallerIdRule.SkillGroup)
            {
                ScanSkillGroups(request.AgentSkillGroupIds, pool, reading, request.Pick, ref scan);
                if (Settle(CallerIdTier.SkillGroup, ref scan, attempts, ref attemptCount))
                {
                    return Decide(request, attempts[..attemptCount], pool, ref scan, random);
                }
            }
            else if (request.CalleeRegion.Region is { } region)
            {
                Scan(pool.InCity(region), pool, reading, request.Pick, default, ref scan);
                if (Settle(CallerIdTier.SameCity, ref scan, attempts, ref attemptCount))
                {
                    return Decide(request, attempts[..attemptCount], pool, ref scan, random);
                }

                Scan(pool.InProvince(region.Province), pool, reading, request.Pick, default, ref scan);
                if (Settle(CallerIdTier.SameProvince, ref scan, attempts, ref attemptCount))
                {
                    return Decide(request, attempts[..attemptCount], pool, ref scan, random);
                }
            }

            if (reading.Availability is { } availability)
            {
                WholePoolPick found = availability.Pick(reading.Day, request.Pick, random);
                attempts[attemptCount++] = new CallerIdTierAttempt(CallerIdTier.WholePool, pool.EnabledCount, pool.EnabledCount - found.Free);
                if (found.Index >= 0)
                {
                    bool leastUsed = request.Pick == CandidatePick.LeastUsedToday;
                    return new CallerIdDecision(request, attempts[..attemptCount].ToArray(), pool[found.Index], found.FewestCalls, leastUsed ? found.Ties : 0);
                }
            }
            else
            {
                ScanWholePool(pool, reading, request.Pick, ref scan);
                if (Settle(CallerIdTier.WholePool, ref scan, attempts, ref attemptCount))
                {
                    return Decide(request, attempts[..attemptCount], pool, ref scan, random);
                }
            }

            return new NoCallerNumberAvailable(request, attempts[..attemptCount].ToArray(), NoCallerNumberReason.AllAtCap);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void ScanSkillGroups(IReadOnlyCollection<string> groups, CallerIdPool pool, in CallerNumberReading reading, CandidatePick pick, ref TierScan scan)
    {
        if (groups.Count == 0)
        {
            return;
        }

        if (groups.Count == 1)
        {
            foreach (string group in groups)
            {
                Scan(pool.InSkillGroup(group), pool, reading, pick, default, ref scan);
            }

            return;
        }

        // A number linked to two of the agent's groups is one candidate, not two: a bitset over pool indices.
        int words = (pool.EnabledCount + 63) >> 6;
        Span<ulong> seen = words <= StackBitsetWords ? stackalloc ulong[words] : new ulong[words];
        seen.Clear();
        foreach (string group in groups)
        {
            Scan(pool.InSkillGroup(group), pool, reading, pick, seen, ref scan);
        }
    }

    /// <summary>
    /// <see cref="Scan"/> over every enabled number, for a pool whose <see cref="CallerNumberAvailability"/>
    /// is not kept current (an older rule snapshot's): the same rules in a loop with no index list and no
    /// de-duplication.
    /// </summary>
    private static void ScanWholePool(CallerIdPool pool, in CallerNumberReading reading, CandidatePick pick, ref TierScan scan)
    {
        int count = pool.EnabledCount;
        bool leastUsed = pick == CandidatePick.LeastUsedToday;
        Span<int> kept = scan.Buffer;
        int keptCount = 0, capped = 0, minCalls = 0;
        for (int index = 0; index < count; index++)
        {
            if (pool.IsAtCap(index, reading))
            {
                capped++;
                continue;
            }

            if (leastUsed)
            {
                int calls = reading.CallsToday(index);
                if (keptCount == 0 || calls < minCalls)
                {
                    minCalls = calls;
                    keptCount = 0;
                }
                else if (calls > minCalls)
                {
                    continue;
                }
            }

            kept[keptCount++] = index;
        }

        scan.Numbers += count;
        scan.Capped += capped;
        scan.Kept = keptCount;
        scan.MinCalls = minCalls;
    }

    private static void Scan(ReadOnlySpan<int> indices, CallerIdPool pool, in CallerNumberReading reading, CandidatePick pick, scoped Span<ulong> seen, ref TierScan scan)
    {
        foreach (int index in indices)
        {
            if (!seen.IsEmpty)
            {
                ref ulong word = ref seen[index >> 6];
                ulong bit = 1UL << (index & 63);
                if ((word & bit) != 0)
                {
                    continue;
                }

                word |= bit;
            }

            scan.Numbers++;
            if (pool.IsAtCap(index, reading))
            {
                scan.Capped++;
                continue;
            }

            if (pick == CandidatePick.LeastUsedToday)
            {
                int calls = reading.CallsToday(index);
                if (scan.Kept == 0 || calls < scan.MinCalls)
                {
                    scan.MinCalls = calls;
                    scan.Kept = 0;
                }
                else if (calls > scan.MinCalls)
                {
                    continue;
                }
            }

            scan.Buffer[scan.Kept++] = index;
        }
    }

    /// <summary>Records the tier just scanned; true when it has a candidate. Resets the scan for the next tier.</summary>
    private static bool Settle(CallerIdTier tier, ref TierScan scan, scoped Span<CallerIdTierAttempt> attempts, ref int attemptCount)
    {
        attempts[attemptCount++] = new CallerIdTierAttempt(tier, scan.Numbers, scan.Capped);
        if (scan.Kept > 0)
        {
            return true;
        }

        scan = new TierScan(scan.Buffer);
        return false;
    }

    private static CallerIdDecision Decide(CallerIdRequest request, scoped ReadOnlySpan<CallerIdTierAttempt> attempts, CallerIdPool pool, ref TierScan scan, Random random)
    {
        CallerNumber chosen = pool[scan.Buffer[random.Next(scan.Kept)]];
        bool leastUsed = request.Pick == CandidatePick.LeastUsedToday;
        return new CallerIdDecision(request, attempts.ToArray(), chosen, leastUsed ? scan.MinCalls : 0, leastUsed ? scan.Kept : 0);
    }

    /// <summary>One tier's counts; <see cref="Buffer"/> holds the pool indices still in the running.</summary>
    private ref struct TierScan(Span<int> buffer)
    {
        public Span<int> Buffer = buffer;
        public int Numbers;
        public int Capped;
        public int Kept;
        public int MinCalls;
    }
}
