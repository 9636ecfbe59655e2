using System.Data;
using Dapper;
using IvrController.Store.Rows;
using Npgsql;

namespace IvrController.Store.Repositories;

/// <summary>
/// Reads every rule table for the in-memory rule snapshot: one round trip for all the
/// queries, inside one read-only REPEATABLE READ transaction so the tables agree with each
/// other (no caller number pointing at a menu deleted between two SELECTs).
/// </summary>
public sealed class RuleRowsReader(NpgsqlDataSource dataSource)
{
    // Column aliases match the record constructors' parameter names, in order: Dapper builds
    // positional records by matching both.
    private const string Sql = """
        set transaction read only;

        select version from rules_version where id = 1;

        select id as Id, name as Name, status as Status, created_at as CreatedAt, updated_at as UpdatedAt
        from agents order by id;

        select id as Id, name as Name, direction as Direction
        from skill_groups order by id;

        select agent_id as AgentId, skill_group_id as SkillGroupId
        from agent_skill_groups order by agent_id, skill_group_id;

        select number as Number, province as Province, city as City, enabled as Enabled,
               max_concurrent as MaxConcurrent, daily_cap as DailyCap, ivr_menu as IvrMenu,
               created_at as CreatedAt, updated_at as UpdatedAt
        from caller_numbers order by number;

        select skill_group_id as SkillGroupId, number as Number
        from skill_group_numbers order by skill_group_id, number;

        select caller_id_rule as CallerIdRule, candidate_pick as CandidatePick, protection_mode as ProtectionMode,
               callback_enabled as CallbackEnabled, callback_mode as CallbackMode, callback_window as CallbackWindow,
               callback_ring_timeout as CallbackRingTimeout, outbound_survey_template as OutboundSurveyTemplate,
               inbound_survey_template as InboundSurveyTemplate, updated_at as UpdatedAt
        from settings where id = 1;

        select id as Id, name as Name, direction as Direction, enabled as Enabled,
               guide_prompt as GuidePrompt, closing_prompt as ClosingPrompt, invalid_prompt as InvalidPrompt,
               timeout_prompt as TimeoutPrompt, timeout_ms as TimeoutMs, retries as Retries, language as Language,
               guide_text as GuideText, closing_text as ClosingText, invalid_text as InvalidText, timeout_text as TimeoutText
        from survey_templates order by id;

        select template_id as TemplateId, digit as Digit, label as Label, score as Score
        from survey_keys order by template_id, digit;

        select name as Name, greeting_prompt as GreetingPrompt, invalid_prompt as InvalidPrompt,
               timeout_prompt as TimeoutPrompt, timeout_ms as TimeoutMs, max_retries as MaxRetries,
               default_action as DefaultAction, default_target as DefaultTarget,
               greeting_text as GreetingText, invalid_text as InvalidText, timeout_text as TimeoutText, enabled as Enabled
        from ivr_menus order by name;

        select menu as Menu, digit as Digit, action as Action, target as Target
        from ivr_options order by menu, digit;

        select prefix as Prefix, province as Province, city as City
        from number_regions order by prefix;

        select customer_id as CustomerId, number as Number
        from customer_ids order by customer_id;
        """;

    /// <summary>Loads every rule table. Throws if the schema is not migrated (no settings row).</summary>
    public async Task<RuleRows> LoadAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Npgsql sends BEGIN with the batch below, so the transaction costs no extra round trip.
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        RuleRows rows;
        await using (var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            long version = await grid.ReadSingleOrDefaultAsync<long?>().ConfigureAwait(false)
                ?? throw new InvalidOperationException("The rules_version row is missing; has the database been migrated?");
            var agents = (await grid.ReadAsync<AgentRow>().ConfigureAwait(false)).AsList();
            var skillGroups = (await grid.ReadAsync<SkillGroupRow>().ConfigureAwait(false)).AsList();
            var agentSkillGroups = (await grid.ReadAsync<AgentSkillGroupRow>().ConfigureAwait(false)).AsList();
            var callerNumbers = (await grid.ReadAsync<CallerNumberRow>().ConfigureAwait(false)).AsList();
            var skillGroupNumbers = (await grid.ReadAsync<SkillGroupNumberRow>().ConfigureAwait(false)).AsList();
            var settings = await grid.ReadSingleOrDefaultAsync<SettingsRow>().ConfigureAwait(false)
                ?? throw new InvalidOperationException("The settings row (id = 1) is missing; has the database been migrated?");
            var surveyTemplates = (await grid.ReadAsync<SurveyTemplateRow>().ConfigureAwait(false)).AsList();
            var surveyKeys = (await grid.ReadAsync<SurveyKeyRow>().ConfigureAwait(false)).AsList();
            var ivrMenus = (await grid.ReadAsync<IvrMenuRow>().ConfigureAwait(false)).AsList();
            var ivrOptions = (await grid.ReadAsync<IvrOptionRow>().ConfigureAwait(false)).AsList();
            var numberRegions = (await grid.ReadAsync<NumberRegionRow>().ConfigureAwait(false)).AsList();
            var customerIds = (await grid.ReadAsync<CustomerIdRow>().ConfigureAwait(false)).AsList();
            rows = new RuleRows(
                version, agents, skillGroups, agentSkillGroups, callerNumbers, skillGroupNumbers, settings,
                surveyTemplates, surveyKeys, ivrMenus, ivrOptions, numberRegions, customerIds);
        }

        // Nothing was written; committing just ends the snapshot.
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
