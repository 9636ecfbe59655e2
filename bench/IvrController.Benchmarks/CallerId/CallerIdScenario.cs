using System.Collections.Frozen;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;

namespace IvrController.Benchmarks.CallerId;

/// <summary>
/// A site of a large call centre, built from one seed so every run and every benchmark process sees
/// the same data: 10,000 caller numbers (landlines and mobiles) registered in about 300 cities of 29
/// provinces, about 5% disabled, most with a concurrency or daily cap; 1,000 skill groups, each number
/// linked to 1-3 of them; 2,000 agents in 1-3 groups each; live usage with about 10% of the numbers at
/// a cap; and 1,000 requests per rule whose mix reaches every tier.
/// </summary>
/// <remarks>
/// City names are synthetic (province + index: "广东07"), short like real ones; what matters to the
/// selector is which numbers share a city or a province, and the sizes: provinces weighted by
/// population, cities within a province by a Zipf law (the capital biggest). The smallest city or two
/// of each province, and the whole of 西藏 and 青海, have no number, so calls there fall through to the
/// province or to the whole pool.
/// </remarks>
internal sealed class CallerIdScenario
{
    public const string Category = "caller-id";
    public const string SkillGroupRandomCategory = "caller-id-skill-group-random";
    public const string SkillGroupLeastUsedCategory = "caller-id-skill-group-least-used";
    public const string SameRegionRandomCategory = "caller-id-same-region-random";
    public const string SameRegionLeastUsedCategory = "caller-id-same-region-least-used";

    public const int NumberCount = 10_000;
    public const int SkillGroupCount = 1_000;
    public const int AgentCount = 2_000;

    /// <summary>Requests per rule; the benchmarks' OperationsPerInvoke.</summary>
    public const int RequestCount = 1_000;

    public const int Seed = 20_240_601;

    /// <summary>Skill groups from this index on were created recently and have no number yet.</summary>
    private const int GroupsWithNumbers = 980;

    private const double DisabledShare = 0.05;
    private const double LandlineShare = 0.65;
    private const double MaxConcurrentShare = 0.40;
    private const double DailyCapShare = 0.50;

    /// <summary>Of all numbers, this share is at one of its caps right now.</summary>
    private const double AtCapShare = 0.10;

    /// <summary>Of the numbers not at a cap, this share has made no call yet today (ties for least-used).</summary>
    private const double UnusedTodayShare = 0.15;

    /// <summary>Province (short name), population in millions (the weight of its numbers and callees), prefecture-level cities.</summary>
    private static readonly (string Province, int Population, int Cities)[] Provinces =
    [
        ("广东", 126, 21), ("山东", 102, 16), ("河南", 99, 17), ("江苏", 85, 13), ("四川", 84, 21),
        ("河北", 75, 11), ("湖南", 66, 14), ("浙江", 65, 11), ("安徽", 61, 16), ("湖北", 58, 17),
        ("广西", 50, 14), ("云南", 47, 16), ("江西", 45, 11), ("辽宁", 43, 14), ("福建", 41, 9),
        ("陕西", 40, 10), ("贵州", 39, 9), ("山西", 35, 11), ("重庆", 32, 1), ("黑龙江", 32, 13),
        ("新疆", 26, 14), ("甘肃", 25, 14), ("上海", 25, 1), ("内蒙古", 24, 12), ("吉林", 24, 9),
        ("北京", 22, 1), ("天津", 14, 1), ("海南", 10, 4), ("宁夏", 7, 5), ("青海", 6, 8), ("西藏", 4, 7),
    ];

    /// <summary>Provinces where the site has no number at all.</summary>
    private static readonly string[] ProvincesWithoutNumbers = ["青海", "西藏"];

    private static readonly string[] MobilePrefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "177", "180", "181", "185", "186", "187", "188", "189", "198", "199"];

    private static readonly Lazy<CallerIdScenario> LazyDefault = new(() => new CallerIdScenario(Seed));

    private readonly List<City> _cities = [];

    private CallerIdScenario(int seed)
    {
        var random = new Random(seed);
        BuildCities();
        Numbers = BuildNumbers(random);
        Pool = new CallerIdPool(Numbers);
        Usage = BuildUsage(random, Numbers, out int atCap);
        AtCapCount = atCap;
        Agents = BuildAgents(random);

        CallerIdRequest[] skillGroup = BuildRequests(random, CallerIdRule.SkillGroup);
        CallerIdRequest[] sameRegion = BuildRequests(random, CallerIdRule.SameRegion);
        SkillGroupRandom = skillGroup;
        SkillGroupLeastUsed = [.. skillGroup.Select(r => r with { Pick = CandidatePick.LeastUsedToday })];
        SameRegionRandom = sameRegion;
        SameRegionLeastUsed = [.. sameRegion.Select(r => r with { Pick = CandidatePick.LeastUsedToday })];
    }

    public static CallerIdScenario Default => LazyDefault.Value;

    /// <summary>Every number, enabled or not, in the order the store would list them.</summary>
    public IReadOnlyList<CallerNumber> Numbers { get; }

    public CallerIdPool Pool { get; }

    public CallerNumberUsage Usage { get; }

    public int AtCapCount { get; }

    /// <summary>Each agent's outbound skill groups.</summary>
    public IReadOnlyList<(string Id, IReadOnlySet<string> Groups)> Agents { get; }

    public CallerIdRequest[] SkillGroupRandom { get; }

    public CallerIdRequest[] SkillGroupLeastUsed { get; }

    public CallerIdRequest[] SameRegionRandom { get; }

    public CallerIdRequest[] SameRegionLeastUsed { get; }

    public int CityCount => _cities.Count;

    public int CitiesWithNumbers => Numbers.Select(n => n.Region).Distinct().Count();

    public int ProvincesWithNumbersCount => Numbers.Select(n => n.Region?.Province).Distinct().Count();

    public int SkillGroupsWithNumbers => Numbers.SelectMany(n => n.SkillGroupIds).Distinct().Count();

    /// <summary>The four request sets with their category names.</summary>
    public IEnumerable<(string Name, CallerIdRequest[] Requests)> RequestSets()
    {
        yield return (SkillGroupRandomCategory, SkillGroupRandom);
        yield return (SkillGroupLeastUsedCategory, SkillGroupLeastUsed);
        yield return (SameRegionRandomCategory, SameRegionRandom);
        yield return (SameRegionLeastUsedCategory, SameRegionLeastUsed);
    }

    public static string SkillGroupId(int index) => $"sg-{index + 1:D4}";

    private void BuildCities()
    {
        int areaCode = 310;
        foreach ((string province, int population, int cityCount) in Provinces)
        {
            bool municipality = cityCount == 1;
            bool provinceHasNumbers = !ProvincesWithoutNumbers.Contains(province);
            // The smallest city of a mid-sized province and the two smallest of a large one have no number.
            int withoutNumbers = municipality ? 0 : cityCount >= 14 ? 2 : cityCount >= 9 ? 1 : 0;
            double harmonic = Enumerable.Range(1, cityCount).Sum(k => 1.0 / k);
            for (int k = 1; k <= cityCount; k++)
            {
                string cityName = municipality ? "" : $"{province}{k:D2}";
                string code = province switch
                {
                    "北京" => "010",
                    "上海" => "021",
                    "天津" => "022",
                    "重庆" => "023",
                    _ => $"0{areaCode++}",
                };
                _cities.Add(new City(
                    province,
                    cityName,
                    code,
                    population * (1.0 / k) / harmonic,
                    provinceHasNumbers && k <= cityCount - withoutNumbers));
            }
        }
    }

    private List<CallerNumber> BuildNumbers(Random random)
    {
        List<City> covered = [.. _cities.Where(c => c.HasNumbers)];
        int[] perCity = new int[covered.Count];
        Array.Fill(perCity, 1);
        double[] cumulative = Cumulative(covered.Select(c => c.Weight));
        for (int i = covered.Count; i < NumberCount; i++)
        {
            perCity[Pick(random, cumulative)]++;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<CallerNumber>(NumberCount);
        for (int c = 0; c < covered.Count; c++)
        {
            City city = covered[c];
            for (int i = 0; i < perCity[c]; i++)
            {
                PhoneNumber number;
                do
                {
                    number = random.NextDouble() < LandlineShare
                        ? ChineseNumberNormalizer.Default.Normalize($"{city.AreaCode}{random.Next(2, 9)}{random.Next(0, 10_000_000):D7}")
                        : RandomMobile(random);
                }
                while (!seen.Add(number.E164));

                int groupCount = random.Next(1, 4);
                var groups = new HashSet<string>(StringComparer.Ordinal);
                while (groups.Count < groupCount)
                {
                    groups.Add(SkillGroupId(SkewedGroup(random, GroupsWithNumbers)));
                }

                numbers.Add(new CallerNumber
                {
                    Number = number,
                    // Each row of the store makes its own region object, as a snapshot load would.
                    Region = new NumberRegion(city.Province, city.Name),
                    Enabled = random.NextDouble() >= DisabledShare,
                    MaxConcurrent = random.NextDouble() < MaxConcurrentShare ? random.Next(2, 11) : null,
                    DailyCap = random.NextDouble() < DailyCapShare ? random.Next(150, 601) : null,
                    SkillGroupIds = groups.ToFrozenSet(StringComparer.Ordinal),
                    IvrMenu = "main",
                });
            }
        }

        // The store lists numbers by id, not by city: shuffle so the whole-list scans see no locality.
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(numbers));
        return numbers;
    }

    private static CallerNumberUsage BuildUsage(Random random, IReadOnlyList<CallerNumber> numbers, out int atCap)
    {
        double cappedShare = numbers.Count(n => n.MaxConcurrent is not null || n.DailyCap is not null) / (double)numbers.Count;
        double atCapGivenCapped = AtCapShare / cappedShare;
        var concurrent = new Dictionary<string, int>(StringComparer.Ordinal);
        var callsToday = new Dictionary<string, int>(StringComparer.Ordinal);
        atCap = 0;
        foreach (CallerNumber number in numbers)
        {
            int calls;
            int now;
            bool capped = number.MaxConcurrent is not null || number.DailyCap is not null;
            if (capped && random.NextDouble() < atCapGivenCapped)
            {
                atCap++;
                bool daily = number.DailyCap is int && (number.MaxConcurrent is null || random.Next(2) == 0);
                calls = daily ? number.DailyCap!.Value : random.Next(20, number.DailyCap ?? 400);
                now = daily ? random.Next(0, number.MaxConcurrent ?? 3) : number.MaxConcurrent!.Value;
            }
            else if (random.NextDouble() < UnusedTodayShare)
            {
                calls = 0;
                now = 0;
            }
            else
            {
                calls = random.Next(1, number.DailyCap ?? 400);
                now = random.Next(0, number.MaxConcurrent ?? 3);
            }

            // Live counters hold only numbers that were used: absent means 0.
            if (calls > 0)
            {
                callsToday[number.E164] = calls;
            }

            if (now > 0)
            {
                concurrent[number.E164] = now;
            }
        }

        return new CallerNumberUsage(concurrent, callsToday);
    }

    private static List<(string Id, IReadOnlySet<string> Groups)> BuildAgents(Random random)
    {
        var agents = new List<(string, IReadOnlySet<string>)>(AgentCount);
        for (int i = 0; i < AgentCount; i++)
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            if (random.NextDouble() < 0.02)
            {
                // A team moved to a new skill group that has no number yet.
                groups.Add(SkillGroupId(random.Next(GroupsWithNumbers, SkillGroupCount)));
            }
            else
            {
                int groupCount = random.Next(1, 4);
                while (groups.Count < groupCount)
                {
                    groups.Add(SkillGroupId(SkewedGroup(random, SkillGroupCount)));
                }
            }

            agents.Add(((1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), groups.ToFrozenSet(StringComparer.Ordinal)));
        }

        return agents;
    }

    private CallerIdRequest[] BuildRequests(Random random, CallerIdRule rule)
    {
        double[] byPopulation = Cumulative(_cities.Select(c => c.Weight));
        List<City> uncoveredInCoveredProvinces = [.. _cities.Where(c => !c.HasNumbers && !ProvincesWithoutNumbers.Contains(c.Province))];
        List<City> inProvincesWithoutNumbers = [.. _cities.Where(c => ProvincesWithoutNumbers.Contains(c.Province))];
        // The resolver's own region objects: equal to the pool's, never the same instances.
        var calleeRegions = _cities.ToDictionary(c => c, c => new RegionLookup(new NumberRegion(c.Province, c.Name), RegionSource.Table));

        var requests = new CallerIdRequest[RequestCount];
        for (int i = 0; i < RequestCount; i++)
        {
            (string agentId, IReadOnlySet<string> groups) = Agents[random.Next(Agents.Count)];
            PhoneNumber callee = RandomMobile(random);
            RegionLookup region = RegionLookup.Unknown;
            if (rule == CallerIdRule.SameRegion)
            {
                // 88% anywhere by population, 6% in a small city without our number, 3% in a province
                // without any, 3% where neither the prefix table nor the geocoder knows the number.
                double dice = random.NextDouble();
                City? city = dice switch
                {
                    < 0.88 => _cities[Pick(random, byPopulation)],
                    < 0.94 => uncoveredInCoveredProvinces[random.Next(uncoveredInCoveredProvinces.Count)],
                    < 0.97 => inProvincesWithoutNumbers[random.Next(inProvincesWithoutNumbers.Count)],
                    _ => null,
                };
                region = city is null ? RegionLookup.Unknown : calleeRegions[city];
            }

            requests[i] = new CallerIdRequest(agentId, groups, callee, region, rule, CandidatePick.Random);
        }

        return requests;
    }

    private static PhoneNumber RandomMobile(Random random) =>
        ChineseNumberNormalizer.Default.Normalize($"{MobilePrefixes[random.Next(MobilePrefixes.Length)]}{random.Next(0, 100_000_000):D8}");

    /// <summary>A few big skill groups and a long tail of small ones.</summary>
    private static int SkewedGroup(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 1.6));

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        double[] cumulative = [.. weights];
        for (int i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        return cumulative;
    }

    private static int Pick(Random random, double[] cumulative)
    {
        int index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private sealed record City(string Province, string Name, string AreaCode, double Weight, bool HasNumbers);
}
