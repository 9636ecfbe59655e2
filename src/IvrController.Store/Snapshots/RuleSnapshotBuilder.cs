using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using IvrController.Rules.Agents;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Regions;
using IvrController.Rules.Settings;
using IvrController.Rules.Snapshots;
using IvrController.Rules.Surveys;
using IvrController.Store.Rows;
using IvrController.Store.Vocabulary;

namespace IvrController.Store.Snapshots;

/// <summary>
/// Turns the rule tables, row for row, into the rules layer's model. Pure: no I/O, so every
/// mapping (and every row it must leave out) is tested without a database. The string values
/// here are the ones the schema's check constraints allow (0001_initial.sql).
/// </summary>
public static class RuleSnapshotBuilder
{
    public static RuleSnapshotBuild Build(RuleRows rows, DateTimeOffset loadedAt, IRegionGeocoder? geocoder)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var skipped = new List<string>();

        RegionPrefixTable regions = BuildRegions(rows.NumberRegions, skipped);
        var resolver = new RegionResolver(regions, geocoder);

        FrozenSet<string> outboundGroups = rows.SkillGroups
            .Where(g => g.Direction is "outbound" or "both")
            .Select(g => g.Id)
            .ToFrozenSet(StringComparer.Ordinal);
        var skillGroups = rows.SkillGroups.Select(g => new SkillGroup(g.Id, g.Name)).ToList();
        List<Agent> agents = BuildAgents(rows, outboundGroups);
        List<CallerNumber> numbers = BuildCallerNumbers(rows, resolver, skipped);
        List<SurveyTemplate> surveys = BuildSurveys(rows);
        List<IvrMenu> menus = BuildMenus(rows, skipped);
        RuleSettings settings = BuildSettings(rows.Settings, skipped);
        CustomerIdTable customerIds = BuildCustomerIds(rows.CustomerIds, skipped);

        var snapshot = new RuleSnapshot(rows.Version, loadedAt, settings, agents, skillGroups, numbers, regions, surveys, menus, geocoder);
        return new RuleSnapshotBuild(snapshot, customerIds, skipped);
    }

    private static RegionPrefixTable BuildRegions(IReadOnlyList<NumberRegionRow> rows, List<string> skipped)
    {
        var usable = new List<RegionPrefixRow>(rows.Count);
        foreach (NumberRegionRow row in rows)
        {
            if (RegionPrefixRow.ProblemWith(row.Prefix) is { } problem)
            {
                skipped.Add($"region prefix {row.Prefix}: {problem}");
                continue;
            }

            if (TryRegion(row.Province, row.City, out NumberRegion? region, out string? error))
            {
                usable.Add(new RegionPrefixRow(row.Prefix, region));
            }
            else
            {
                skipped.Add($"region prefix {row.Prefix}: {error}");
            }
        }

        // Two prefixes whose names only differ in suffixes (广东省/广东) are one region after
        // canonicalisation, so the table's own duplicate check cannot fail on distinct rows.
        return new RegionPrefixTable(usable);
    }

    private static List<Agent> BuildAgents(RuleRows rows, FrozenSet<string> outboundGroups)
    {
        ILookup<string, string> groupsByAgent = rows.AgentSkillGroups
            .Where(link => outboundGroups.Contains(link.SkillGroupId))
            .ToLookup(link => link.AgentId, link => link.SkillGroupId, StringComparer.Ordinal);
        return rows.Agents.Select(row => new Agent
        {
            Id = row.Id,
            Name = row.Name,
            Status = row.Status == "offline" ? AgentStatus.OfflineByAdmin : AgentStatus.Active,
            OutboundSkillGroupIds = groupsByAgent[row.Id].ToFrozenSet(StringComparer.Ordinal),
        }).ToList();
    }

    private static List<CallerNumber> BuildCallerNumbers(RuleRows rows, RegionResolver resolver, List<string> skipped)
    {
        ILookup<string, string> groupsByNumber = rows.SkillGroupNumbers.ToLookup(link => link.Number, link => link.SkillGroupId, StringComparer.Ordinal);
        var numbers = new List<CallerNumber>(rows.CallerNumbers.Count);
        foreach (CallerNumberRow row in rows.CallerNumbers)
        {
            if (!ChineseNumberNormalizer.Default.TryNormalize(row.Number, out PhoneNumber? number, out string? error))
            {
                skipped.Add($"caller number {row.Number}: {error}");
                continue;
            }

            NumberRegion? region;
            if (row.Province is null && row.City is null)
            {
                // Nobody said where the number is: ask the prefix table, then the geocoder.
                region = resolver.Resolve(number).Region;
            }
            else if (!TryRegion(row.Province ?? "", row.City ?? "", out region, out string? regionError))
            {
                skipped.Add($"caller number {row.Number}: {regionError}; it is kept without a region");
                region = null;
            }

            numbers.Add(new CallerNumber
            {
                Number = number,
                Region = region,
                Enabled = row.Enabled,
                MaxConcurrent = row.MaxConcurrent,
                DailyCap = row.DailyCap,
                SkillGroupIds = groupsByNumber[row.Number].ToFrozenSet(StringComparer.Ordinal),
                IvrMenu = row.IvrMenu,
            });
        }

        return numbers;
    }

    private static List<SurveyTemplate> BuildSurveys(RuleRows rows)
    {
        ILookup<int, SurveyKeyRow> keysByTemplate = rows.SurveyKeys.ToLookup(k => k.TemplateId);
        return rows.SurveyTemplates.Select(row => RuleRowMapping.ToSurveyTemplate(row, keysByTemplate[row.Id])).ToList();
    }

    private static List<IvrMenu> BuildMenus(RuleRows rows, List<string> skipped)
    {
        ILookup<string, IvrOptionRow> optionsByMenu = rows.IvrOptions.ToLookup(o => o.Menu, StringComparer.Ordinal);
        var menus = new List<IvrMenu>(rows.IvrMenus.Count);
        foreach (IvrMenuRow row in rows.IvrMenus)
        {
            var options = new List<IvrOption>();
            foreach (IvrOptionRow option in optionsByMenu[row.Name])
            {
                if (TryAction(option.Action, option.Target, out IvrAction? action))
                {
                    options.Add(new IvrOption(option.Digit, action));
                }
                else
                {
                    skipped.Add($"menu {row.Name}: option '{option.Digit}' has the unusable action '{option.Action}'");
                }
            }

            if (!TryAction(row.DefaultAction, row.DefaultTarget, out IvrAction? defaultAction))
            {
                skipped.Add($"menu {row.Name}: the default action '{row.DefaultAction}' is unusable; callers are hung up instead");
                defaultAction = IvrAction.Hangup;
            }

            menus.Add(RuleRowMapping.ToMenu(row, options, defaultAction));
        }

        return menus;
    }

    private static RuleSettings BuildSettings(SettingsRow row, List<string> skipped)
    {
        var defaults = new RuleSettings();
        return new RuleSettings
        {
            CallerIdRule = Word(RuleWords.CallerIdRules, row.CallerIdRule, "caller-ID rule", defaults.CallerIdRule, skipped),
            CandidatePick = Word(RuleWords.CandidatePicks, row.CandidatePick, "candidate pick", defaults.CandidatePick, skipped),
            NumberProtection = Word(RuleWords.ProtectionModes, row.ProtectionMode, "protection mode", defaults.NumberProtection, skipped),
            Callback = new CallbackSettings
            {
                Enabled = row.CallbackEnabled,
                Mode = (CallbackMode)row.CallbackMode,
                Window = row.CallbackWindow,
                RingTimeout = row.CallbackRingTimeout,
            },
            OutboundSurveyTemplateId = row.OutboundSurveyTemplate is { } outbound ? TemplateId(outbound) : null,
            InboundSurveyTemplateId = row.InboundSurveyTemplate is { } inbound ? TemplateId(inbound) : null,
        };
    }

    private static CustomerIdTable BuildCustomerIds(IReadOnlyList<CustomerIdRow> rows, List<string> skipped)
    {
        var entries = new List<KeyValuePair<PhoneNumber, string>>(rows.Count);
        foreach (CustomerIdRow row in rows)
        {
            if (ChineseNumberNormalizer.Default.TryNormalize(row.Number, out PhoneNumber? number, out _))
            {
                entries.Add(new(number, row.CustomerId));
            }
            else
            {
                // The error text would quote the customer's number: name the ID only.
                skipped.Add($"customer {row.CustomerId}: the number does not normalise");
            }
        }

        return new CustomerIdTable(entries);
    }

    /// <summary>The id the rules layer uses for a survey template: the table's integer id, as text.</summary>
    public static string TemplateId(int id) => RuleRowMapping.TemplateId(id);

    private static bool TryRegion(string province, string city, [NotNullWhen(true)] out NumberRegion? region, [NotNullWhen(false)] out string? error)
    {
        try
        {
            region = new NumberRegion(province, city);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            region = null;
            error = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
    }

    private static bool TryAction(string action, string? target, [NotNullWhen(true)] out IvrAction? result)
    {
        bool usable = RuleWords.IvrActions.TryParse(action, out IvrActionKind kind)
            && (kind is IvrActionKind.Repeat or IvrActionKind.Hangup || !string.IsNullOrEmpty(target));
        result = usable ? RuleWords.IvrAction(action, target) : null;
        return usable;
    }

    private static T Word<T>(WordMap<T> words, string value, string what, T fallback, List<string> skipped)
        where T : struct, Enum
    {
        if (words.TryParse(value, out T parsed))
        {
            return parsed;
        }

        skipped.Add($"settings: {what} '{value}' is unknown; using {fallback}");
        return fallback;
    }
}
