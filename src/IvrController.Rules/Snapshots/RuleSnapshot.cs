using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;
using IvrController.Rules.Settings;
using IvrController.Rules.Surveys;

namespace IvrController.Rules.Snapshots;

/// <summary>
/// Every rule the call path reads, frozen at one moment. Built by the store when rules change (and once at
/// start-up), swapped in whole, and only read afterwards: a call sees one consistent set of rules from
/// beginning to end, and no call-path read touches the database. Indexes (caller-ID pool, menus, agents)
/// are built here, once per snapshot.
/// </summary>
public sealed class RuleSnapshot
{
    private readonly FrozenDictionary<string, Agent> _agents;
    private readonly FrozenDictionary<string, SkillGroup> _skillGroups;
    private readonly FrozenDictionary<string, Agent[]> _agentsBySkillGroup;
    private readonly FrozenDictionary<string, SurveyTemplate> _surveys;

    /// <exception cref="ArgumentException">Two agents, skill groups, caller numbers, survey templates or menus share an id.</exception>
    public RuleSnapshot(
        long version,
        DateTimeOffset loadedAt,
        RuleSettings settings,
        IEnumerable<Agent> agents,
        IEnumerable<SkillGroup> skillGroups,
        IEnumerable<CallerNumber> callerNumbers,
        RegionPrefixTable regionTable,
        IEnumerable<SurveyTemplate> surveyTemplates,
        IEnumerable<IvrMenu> ivrMenus,
        IRegionGeocoder? geocoder)
    {
        Version = version;
        LoadedAt = loadedAt;
        Settings = settings;
        _agents = Unique(agents, a => a.Id, "agent");
        _skillGroups = Unique(skillGroups, g => g.Id, "skill group");
        _surveys = Unique(surveyTemplates, t => t.Id, "survey template");
        _agentsBySkillGroup = _agents.Values
            .SelectMany(agent => agent.OutboundSkillGroupIds.Select(group => (group, agent)))
            .GroupBy(pair => pair.group, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(pair => pair.agent).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Pool = new CallerIdPool(callerNumbers);
        Regions = new RegionResolver(regionTable, geocoder);
        Menus = new IvrMenuCatalog(ivrMenus);
        Ivr = new IvrNavigator(Menus);
    }

    /// <summary>No rules at all: what the controller holds until the first load succeeds.</summary>
    public static RuleSnapshot Empty { get; } = new(
        0, DateTimeOffset.MinValue, new RuleSettings(), [], [], [], RegionPrefixTable.Empty, [], [], null);

    /// <summary>Increases with every change of the rule tables, so logs and <c>ivrctl explain</c> can say which rules decided.</summary>
    public long Version { get; }

    public DateTimeOffset LoadedAt { get; }

    public RuleSettings Settings { get; }

    public IReadOnlyCollection<Agent> Agents => _agents.Values;

    public IReadOnlyCollection<SkillGroup> SkillGroups => _skillGroups.Values;

    public IReadOnlyCollection<SurveyTemplate> SurveyTemplates => _surveys.Values;

    /// <summary>Our numbers, indexed for caller-ID selection.</summary>
    public CallerIdPool Pool { get; }

    public RegionResolver Regions { get; }

    public IvrMenuCatalog Menus { get; }

    public IvrNavigator Ivr { get; }

    /// <summary>The survey after outbound calls, or null when it is off, missing, disabled or meant for inbound calls.</summary>
    public SurveyTemplate? OutboundSurvey => UsableSurvey(Settings.OutboundSurveyTemplateId, SurveyDirection.Outbound);

    /// <summary>The survey after inbound calls, or null when it is off, missing, disabled or meant for outbound calls.</summary>
    public SurveyTemplate? InboundSurvey => UsableSurvey(Settings.InboundSurveyTemplateId, SurveyDirection.Inbound);

    public bool TryGetAgent(string agentId, [NotNullWhen(true)] out Agent? agent) => _agents.TryGetValue(agentId, out agent);

    public bool TryGetSkillGroup(string skillGroupId, [NotNullWhen(true)] out SkillGroup? skillGroup) =>
        _skillGroups.TryGetValue(skillGroupId, out skillGroup);

    /// <summary>The agents of a skill group, ordered by id (for IVR routing to a group).</summary>
    public IReadOnlyList<Agent> AgentsInSkillGroup(string skillGroupId) =>
        _agentsBySkillGroup.TryGetValue(skillGroupId, out Agent[]? agents) ? agents : [];

    public bool TryGetSurveyTemplate(string templateId, [NotNullWhen(true)] out SurveyTemplate? template) =>
        _surveys.TryGetValue(templateId, out template);

    /// <summary>One of our numbers, enabled or not.</summary>
    public bool TryGetCallerNumber(PhoneNumber number, [NotNullWhen(true)] out CallerNumber? callerNumber) =>
        Pool.TryGet(number, out callerNumber);

    /// <summary>The IVR of a number customers dialled, or null when it is not ours, names no existing menu, or its menu is disabled.</summary>
    public IvrMenu? MenuForDialledNumber(PhoneNumber did) =>
        Pool.TryGet(did, out CallerNumber? number) && number.IvrMenu is { } name && Menus.TryGet(name, out IvrMenu? menu) && menu.Enabled
            ? menu
            : null;

    /// <summary>The caller number for an agent's call under this snapshot's rule and pick.</summary>
    public CallerIdOutcome SelectCallerId(Agent agent, PhoneNumber callee, ICallerNumberUsage usage, Random random)
    {
        RegionLookup region = Settings.CallerIdRule == CallerIdRule.SameRegion ? Regions.Resolve(callee) : RegionLookup.Unknown;
        var request = new CallerIdRequest(agent.Id, agent.OutboundSkillGroupIds, callee, region, Settings.CallerIdRule, Settings.CandidatePick);
        return CallerIdSelector.Select(request, Pool, usage, random);
    }

    /// <summary>Everything an admin should fix, in words: settings, templates, menus and dangling references.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Settings.Validate());
        foreach (SurveyTemplate template in _surveys.Values.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            errors.AddRange(template.Validate().Select(e => $"survey '{template.Id}': {e}"));
        }

        CheckSurveySetting(errors, "outbound", Settings.OutboundSurveyTemplateId, SurveyDirection.Outbound);
        CheckSurveySetting(errors, "inbound", Settings.InboundSurveyTemplateId, SurveyDirection.Inbound);

        FrozenSet<string> groupIds = _skillGroups.Keys.ToFrozenSet(StringComparer.Ordinal);
        FrozenSet<string> agentIds = _agents.Keys.ToFrozenSet(StringComparer.Ordinal);
        errors.AddRange(Menus.Validate(groupIds, agentIds));

        foreach (Agent agent in _agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            foreach (string group in agent.OutboundSkillGroupIds.Where(g => !groupIds.Contains(g)).Order(StringComparer.Ordinal))
            {
                errors.Add($"agent {agent.Id}: skill group '{group}' does not exist");
            }
        }

        foreach (CallerNumber number in Pool.All.OrderBy(n => n.E164, StringComparer.Ordinal))
        {
            foreach (string group in number.SkillGroupIds.Where(g => !groupIds.Contains(g)).Order(StringComparer.Ordinal))
            {
                errors.Add($"caller number {number.E164}: skill group '{group}' does not exist");
            }

            if (number.IvrMenu is { } menu && !Menus.TryGet(menu, out _))
            {
                errors.Add($"caller number {number.E164}: IVR menu '{menu}' does not exist");
            }

            if (number.MaxConcurrent is < 1)
            {
                errors.Add($"caller number {number.E164}: max concurrent calls must be at least 1 (or no limit)");
            }

            if (number.DailyCap is < 1)
            {
                errors.Add($"caller number {number.E164}: daily cap must be at least 1 (or no limit)");
            }
        }

        if (Pool.EnabledCount == 0)
        {
            errors.Add("no caller number is enabled: agents cannot call out");
        }

        return errors;
    }

    private SurveyTemplate? UsableSurvey(string? templateId, SurveyDirection direction) =>
        templateId is not null
        && _surveys.TryGetValue(templateId, out SurveyTemplate? template)
        && template.Enabled
        && template.Direction == direction
            ? template
            : null;

    private void CheckSurveySetting(List<string> errors, string which, string? templateId, SurveyDirection direction)
    {
        if (string.IsNullOrEmpty(templateId))
        {
            return;
        }

        if (!_surveys.TryGetValue(templateId, out SurveyTemplate? template))
        {
            errors.Add($"{which} survey template '{templateId}' does not exist");
        }
        else if (template.Direction != direction)
        {
            errors.Add($"{which} survey template '{templateId}' is made for {(template.Direction == SurveyDirection.Outbound ? "outbound" : "inbound")} calls");
        }
        else if (!template.Enabled)
        {
            errors.Add($"{which} survey template '{templateId}' is disabled, so no {which} survey runs");
        }
    }

    private static FrozenDictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> id, string what)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T item in items)
        {
            if (!byId.TryAdd(id(item), item))
            {
                throw new ArgumentException($"Two of the {what}s have the id '{id(item)}'.", nameof(items));
            }
        }

        return byId.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
