using System.Globalization;
using Dapper;
using IvrController.Rules.Callback;
using IvrController.Rules.Settings;
using IvrController.Rules.Surveys;
using IvrController.Store.Rows;
using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Reads and edits the one settings row. An edit is merged with the current row, checked with the rules'
/// own validation (which is stricter than the schema: a ring timeout over 120 s is refused) and with the
/// survey templates it names, then written in one statement, with its audit entry (naming <paramref name="who"/>)
/// in the same transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class SettingsAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Doing = "set settings";

    private const string SelectSettings = """
        select caller_id_rule as CallerIdRule, candidate_pick as CandidatePick, protection_mode as ProtectionMode,
               callback_enabled as CallbackEnabled, callback_mode as CallbackMode, callback_window as CallbackWindow,
               callback_ring_timeout as CallbackRingTimeout, outbound_survey_template as OutboundSurveyTemplate,
               inbound_survey_template as InboundSurveyTemplate, updated_at as UpdatedAt
        from settings where id = 1
        """;

    private const string UpdateSettings = """
        update settings
        set caller_id_rule = @CallerIdRule, candidate_pick = @CandidatePick, protection_mode = @ProtectionMode,
            callback_enabled = @CallbackEnabled, callback_mode = @CallbackMode, callback_window = @CallbackWindow,
            callback_ring_timeout = @CallbackRingTimeout, outbound_survey_template = @OutboundSurveyTemplate,
            inbound_survey_template = @InboundSurveyTemplate
        where id = 1
        """;

    public async Task<SettingsView> GetAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        SettingsRow row = await ReadAsync(connection, null, SelectSettings, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(connection, null, row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the edit; returns the row just before it and as it was written.</summary>
    /// <exception cref="RuleEditException">The result would break a rule; nothing was written.</exception>
    public async Task<SettingsUpdate> UpdateAsync(SettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The settings row is always locked before any template row (template edits do the same),
        // so an edit here and a template edit wait for each other instead of deadlocking.
        SettingsRow current = await ReadAsync(connection, transaction, SelectSettings + " for update", cancellationToken).ConfigureAwait(false);
        SettingsView previous = await ViewAsync(connection, transaction, current, cancellationToken).ConfigureAwait(false);
        RuleSettings before = ToRules(current);
        var problems = new List<string>();
        int? outbound = await ChooseAsync(connection, transaction, change.OutboundSurvey, current.OutboundSurveyTemplate, SurveyDirection.Outbound, problems, cancellationToken).ConfigureAwait(false);
        int? inbound = await ChooseAsync(connection, transaction, change.InboundSurvey, current.InboundSurveyTemplate, SurveyDirection.Inbound, problems, cancellationToken).ConfigureAwait(false);
        RuleSettings after = before with
        {
            CallerIdRule = change.CallerIdRule ?? before.CallerIdRule,
            CandidatePick = change.CandidatePick ?? before.CandidatePick,
            NumberProtection = change.NumberProtection ?? before.NumberProtection,
            Callback = new CallbackSettings
            {
                Enabled = change.CallbackEnabled ?? before.Callback.Enabled,
                Mode = change.CallbackMode ?? before.Callback.Mode,
                Window = change.CallbackWindow ?? before.Callback.Window,
                RingTimeout = change.CallbackRingTimeout ?? before.Callback.RingTimeout,
            },
            OutboundSurveyTemplateId = outbound?.ToString(CultureInfo.InvariantCulture),
            InboundSurveyTemplateId = inbound?.ToString(CultureInfo.InvariantCulture),
        };

        problems.InsertRange(0, after.Validate());
        if (problems.Count > 0)
        {
            throw RuleEditRefusal.Because(Doing, problems);
        }

        await RuleEditRefusal.TranslatingAsync(Doing, () => connection.ExecuteAsync(new CommandDefinition(
            UpdateSettings,
            new
            {
                CallerIdRule = RuleWords.CallerIdRules.Word(after.CallerIdRule),
                CandidatePick = RuleWords.CandidatePicks.Word(after.CandidatePick),
                ProtectionMode = RuleWords.ProtectionModes.Word(after.NumberProtection),
                CallbackEnabled = after.Callback.Enabled,
                CallbackMode = (short)after.Callback.Mode,
                CallbackWindow = after.Callback.Window,
                CallbackRingTimeout = after.Callback.RingTimeout,
                OutboundSurveyTemplate = outbound,
                InboundSurveyTemplate = inbound,
            },
            transaction,
            cancellationToken: cancellationToken))).ConfigureAwait(false);

        SettingsRow written = await ReadAsync(connection, transaction, SelectSettings, cancellationToken).ConfigureAwait(false);
        SettingsView view = await ViewAsync(connection, transaction, written, cancellationToken).ConfigureAwait(false);
        string changed = new AuditFacts(view.Fields).Since(new AuditFacts(previous.Fields));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(who, "settings", changed), cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SettingsUpdate(previous, view);
    }

    private static RuleSettings ToRules(SettingsRow row) => new()
    {
        CallerIdRule = RuleWords.CallerIdRules.Parse(row.CallerIdRule),
        CandidatePick = RuleWords.CandidatePicks.Parse(row.CandidatePick),
        NumberProtection = RuleWords.ProtectionModes.Parse(row.ProtectionMode),
        Callback = new CallbackSettings
        {
            Enabled = row.CallbackEnabled,
            Mode = (CallbackMode)row.CallbackMode,
            Window = row.CallbackWindow,
            RingTimeout = row.CallbackRingTimeout,
        },
        OutboundSurveyTemplateId = row.OutboundSurveyTemplate?.ToString(CultureInfo.InvariantCulture),
        InboundSurveyTemplateId = row.InboundSurveyTemplate?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The template id a survey setting ends up with; adds a problem when the chosen template cannot serve.</summary>
    private static async Task<int?> ChooseAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        SurveyChoice? choice,
        int? current,
        SurveyDirection direction,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        if (choice is null)
        {
            return current;
        }

        if (choice.Template is not { } reference)
        {
            return null;
        }

        // FOR SHARE: the template cannot be disabled, turned around or removed before this edit commits.
        var parameters = new DynamicParameters(TemplateReference.Parameters(reference));
        var template = await connection.QuerySingleOrDefaultAsync<(int Id, string Name, string Direction, bool Enabled)>(new CommandDefinition(
            $"select id, name, direction, enabled from survey_templates where {TemplateReference.Match} for share",
            parameters,
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        string which = RuleWords.SurveyDirections.Word(direction);
        if (template == default)
        {
            problems.Add($"there is no survey template '{reference}' for the {which} survey");
            return current;
        }

        if (RuleWords.SurveyDirections.Parse(template.Direction) != direction)
        {
            problems.Add($"survey template '{template.Name}' is made for {template.Direction} calls, so it cannot be the {which} survey");
        }
        else if (!template.Enabled)
        {
            problems.Add($"survey template '{template.Name}' is disabled: enable it before making it the {which} survey");
        }

        return template.Id;
    }

    private static async Task<SettingsRow> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
        ?? throw new InvalidOperationException("The settings row (id = 1) is missing; has the database been migrated?");

    private static async Task<SettingsView> ViewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SettingsRow row, CancellationToken cancellationToken)
    {
        var names = (await connection.QueryAsync<(int Id, string Name)>(new CommandDefinition(
            "select id, name from survey_templates where id = any(@Ids)",
            new { Ids = new[] { row.OutboundSurveyTemplate ?? 0, row.InboundSurveyTemplate ?? 0 } },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(t => t.Id, t => t.Name);

        // In the same transaction as the row, so it is the version this row is part of.
        long version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select version from rules_version where id = 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        return new SettingsView(
            ToRules(row),
            row.OutboundSurveyTemplate is { } outbound ? names.GetValueOrDefault(outbound) : null,
            row.InboundSurveyTemplate is { } inbound ? names.GetValueOrDefault(inbound) : null,
            row.UpdatedAt)
        {
            RulesVersion = version,
        };
    }
}
