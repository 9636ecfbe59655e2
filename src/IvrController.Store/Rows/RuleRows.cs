namespace IvrController.Store.Rows;

/// <summary>
/// Every rule table as read in one consistent snapshot, row for row; turning rows into the
/// domain model (and validating what the schema cannot, such as IVR targets) is the rules
/// layer's job.
/// </summary>
/// <param name="Version">rules_version as of the same snapshot as the rows.</param>
public sealed record RuleRows(
    long Version,
    IReadOnlyList<AgentRow> Agents,
    IReadOnlyList<SkillGroupRow> SkillGroups,
    IReadOnlyList<AgentSkillGroupRow> AgentSkillGroups,
    IReadOnlyList<CallerNumberRow> CallerNumbers,
    IReadOnlyList<SkillGroupNumberRow> SkillGroupNumbers,
    SettingsRow Settings,
    IReadOnlyList<SurveyTemplateRow> SurveyTemplates,
    IReadOnlyList<SurveyKeyRow> SurveyKeys,
    IReadOnlyList<IvrMenuRow> IvrMenus,
    IReadOnlyList<IvrOptionRow> IvrOptions,
    IReadOnlyList<NumberRegionRow> NumberRegions,
    IReadOnlyList<CustomerIdRow> CustomerIds);
