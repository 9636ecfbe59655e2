using System.Globalization;
using Dapper;
using IvrController.Admin.Prompts;
using IvrController.Rules.Surveys;
using IvrController.Store.Rows;
using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Adds, changes and removes survey templates with their keys, each edit in one transaction. An edit is
/// checked with <see cref="SurveyTemplate.Validate"/> before anything is written, so the admin reads the
/// rules' words (retries 1–5, keys once each) rather than a constraint name. Keys are always replaced as
/// a whole. Templates are found by name or by id. Prompts given as words are spoken into the prompts directory
/// by <paramref name="studio"/> before the row is written (without one, words cannot be given or changed), and a
/// template with keys but no guide gets one made from the keys. Every change writes its audit entry, naming
/// <paramref name="who"/>, in its transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class SurveyTemplateAdmin(NpgsqlDataSource dataSource, string who, PromptStudio? studio = null)
{
    private const string Audited = "survey template";

    // The database assigns the id on insert; validation wants one, and this one is never written.
    private const string PendingId = "new";

    private const string SelectTemplates = """
        select id as Id, name as Name, direction as Direction, enabled as Enabled,
               guide_prompt as GuidePrompt, closing_prompt as ClosingPrompt, invalid_prompt as InvalidPrompt,
               timeout_prompt as TimeoutPrompt, timeout_ms as TimeoutMs, retries as Retries, language as Language,
               guide_text as GuideText, closing_text as ClosingText, invalid_text as InvalidText, timeout_text as TimeoutText
        from survey_templates
        """;

    private const string SelectKeys = """
        select template_id as TemplateId, digit as Digit, label as Label, score as Score
        from survey_keys where template_id = any(@Ids) order by template_id, digit collate "C"
        """;

    private const string InsertTemplate = """
        insert into survey_templates (name, direction, enabled, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt, timeout_ms, retries, language,
                                      guide_text, closing_text, invalid_text, timeout_text)
        values (@Name, @Direction, @Enabled, @GuidePrompt, @ClosingPrompt, @InvalidPrompt, @TimeoutPrompt, @TimeoutMs, @Retries, @Language,
                @GuideText, @ClosingText, @InvalidText, @TimeoutText)
        returning id
        """;

    private const string UpdateTemplate = """
        update survey_templates
        set name = @Name, direction = @Direction, enabled = @Enabled, guide_prompt = @GuidePrompt, closing_prompt = @ClosingPrompt,
            invalid_prompt = @InvalidPrompt, timeout_prompt = @TimeoutPrompt, timeout_ms = @TimeoutMs, retries = @Retries, language = @Language,
            guide_text = @GuideText, closing_text = @ClosingText, invalid_text = @InvalidText, timeout_text = @TimeoutText
        where id = @Id;
        delete from survey_keys where template_id = @Id;
        """;

    private const string InsertKeys = """
        insert into survey_keys (template_id, digit, label, score)
        select @Id, digit, label, score from unnest(@Digits, @Labels, @Scores) as k (digit, label, score)
        """;

    // Settings first, then the template: the same order as SettingsAdmin, so the two never deadlock.
    private const string LockSettings = """
        select outbound_survey_template, inbound_survey_template from settings where id = 1 for share
        """;

    public async Task<IReadOnlyList<SurveyTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<SurveyTemplateRow>(new CommandDefinition(
            SelectTemplates + " order by name", cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        return await WithKeysAsync(connection, null, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The template with this name (or, failing that, this id); null when there is none.</summary>
    public async Task<SurveyTemplate?> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, nameOrId, lockRow: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a template with its keys; its <see cref="SurveyTemplate.Id"/> is ignored and the stored one returned.</summary>
    /// <exception cref="RuleEditException">The template breaks a rule or its name is taken; nothing was written.</exception>
    public async Task<SurveyTemplate> AddAsync(SurveyTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        string doing = $"add template {template.Name}";
        var problems = new List<string>();
        SurveyTemplate candidate = Voiced(template with { Id = PendingId }, before: null, problems);
        problems.AddRange(Problems(candidate));
        await SpeakAsync(doing, candidate, problems, cancellationToken).ConfigureAwait(false);

        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int id = await RuleEditRefusal.TranslatingAsync(doing, async () =>
        {
            int id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                InsertTemplate, Columns(candidate), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await WriteKeysAsync(connection, transaction, id, candidate.Keys, cancellationToken).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);

        await AuditLog.WriteAsync(connection, transaction, AuditEntry.Added(who, Audited, candidate.Name, Facts(candidate)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return candidate with { Id = Id(id) };
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored template and writes the result (keys replaced as a whole).
    /// The id cannot change. A template the settings use cannot be disabled or turned to the other direction.
    /// </summary>
    /// <exception cref="RuleEditException">No such template, or the result breaks a rule; nothing was written.</exception>
    public async Task<SurveyTemplate> UpdateAsync(string nameOrId, Func<SurveyTemplate, SurveyTemplate> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        ArgumentNullException.ThrowIfNull(edit);
        string doing = $"update template {nameOrId}";
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (int? outboundInUse, int? inboundInUse) = await LockSettingsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        SurveyTemplate current = await FindAsync(connection, transaction, nameOrId, lockRow: true, cancellationToken).ConfigureAwait(false)
            ?? throw RuleEditRefusal.Because(doing, $"there is no survey template '{nameOrId}'");

        var problems = new List<string>();
        SurveyTemplate updated = Voiced(edit(current) with { Id = current.Id }, current, problems);
        problems.AddRange(Problems(updated));
        foreach ((SurveyDirection direction, int? inUse) in new[] { (SurveyDirection.Outbound, outboundInUse), (SurveyDirection.Inbound, inboundInUse) })
        {
            if (inUse is null || Id(inUse.Value) != current.Id)
            {
                continue;
            }

            string which = RuleWords.SurveyDirections.Word(direction);
            if (updated.Direction != direction)
            {
                problems.Add($"it is the {which} survey in the settings, so it must stay a survey for {which} calls; choose another {which} survey first");
            }

            if (!updated.Enabled)
            {
                problems.Add($"it is the {which} survey in the settings, so it cannot be disabled; switch the {which} survey off or choose another first");
            }
        }

        await SpeakAsync(doing, updated, problems, cancellationToken).ConfigureAwait(false);
        await RuleEditRefusal.TranslatingAsync(doing, async () =>
        {
            var columns = Columns(updated);
            columns.Add("Id", int.Parse(current.Id, CultureInfo.InvariantCulture));
            await connection.ExecuteAsync(new CommandDefinition(UpdateTemplate, columns, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await WriteKeysAsync(connection, transaction, int.Parse(current.Id, CultureInfo.InvariantCulture), updated.Keys, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

        await AuditLog.WriteAsync(connection, transaction, AuditEntry.Changed(who, Audited, current.Name, Facts(current), Facts(updated)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>
    /// Removes a template and its keys. One with survey results is refused (they keep their template: disable
    /// it instead); one the settings use is removed and that survey switched off, as the result says.
    /// </summary>
    /// <exception cref="RuleEditException">No such template, or results refer to it; nothing was removed.</exception>
    public async Task<SurveyTemplateRemoval> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        string doing = $"remove template {nameOrId}";
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (int? outboundInUse, int? inboundInUse) = await LockSettingsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        SurveyTemplate template = await FindAsync(connection, transaction, nameOrId, lockRow: true, cancellationToken).ConfigureAwait(false)
            ?? throw RuleEditRefusal.Because(doing, $"there is no survey template '{nameOrId}'");

        int id = int.Parse(template.Id, CultureInfo.InvariantCulture);
        await RuleEditRefusal.TranslatingAsync(doing, () => connection.ExecuteAsync(new CommandDefinition(
            "delete from survey_templates where id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken))).ConfigureAwait(false);
        string off = outboundInUse == id || inboundInUse == id ? "; its survey switched off in the settings" : "";
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(who, Audited, $"removed {template.Name}{off}"), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // The schema's ON DELETE SET NULL has switched these surveys off.
        var switchedOff = new List<SurveyDirection>();
        if (outboundInUse == id)
        {
            switchedOff.Add(SurveyDirection.Outbound);
        }

        if (inboundInUse == id)
        {
            switchedOff.Add(SurveyDirection.Inbound);
        }

        return new SurveyTemplateRemoval(template, switchedOff);
    }

    /// <summary>
    /// The template with each prompt given as words pointing at the file they will be spoken into, and a guide made
    /// from the keys when it has none (kept in step with the keys while it is still that made guide).
    /// </summary>
    private SurveyTemplate Voiced(SurveyTemplate template, SurveyTemplate? before, List<string> problems)
    {
        bool keysSayable = template.Keys.Count > 0 && template.Keys.All(k => !string.IsNullOrWhiteSpace(k.Label));
        if (studio is not null && keysSayable && template.GuideText is null && string.IsNullOrWhiteSpace(template.GuidePrompt))
        {
            template = template with { GuideText = SurveyGuide.FromKeys(template.Keys, template.Language) };
        }
        else if (keysSayable && before?.GuideText is { } madeBefore && template.GuideText == madeBefore
                 && madeBefore == SurveyGuide.FromKeys(before.Keys, before.Language))
        {
            template = template with { GuideText = SurveyGuide.FromKeys(template.Keys, template.Language) };
        }

        return template with
        {
            GuidePrompt = SpokenPrompt.Plan(studio, "guide prompt", template.Language, template.GuideText, template.GuidePrompt, Stored(before, t => (t.GuideText, t.GuidePrompt)), problems),
            ClosingPrompt = SpokenPrompt.Plan(studio, "closing prompt", template.Language, template.ClosingText, template.ClosingPrompt, Stored(before, t => (t.ClosingText, t.ClosingPrompt)), problems),
            InvalidPrompt = SpokenPrompt.Plan(studio, "invalid prompt", template.Language, template.InvalidText, template.InvalidPrompt, Stored(before, t => (t.InvalidText, t.InvalidPrompt)), problems),
            TimeoutPrompt = SpokenPrompt.Plan(studio, "timeout prompt", template.Language, template.TimeoutText, template.TimeoutPrompt, Stored(before, t => (t.TimeoutText, t.TimeoutPrompt)), problems),
        };
    }

    private static (string? Words, string Prompt, string Language)? Stored(SurveyTemplate? before, Func<SurveyTemplate, (string? Words, string Prompt)> prompt) =>
        before is null ? null : (prompt(before).Words, prompt(before).Prompt, before.Language);

    /// <summary>Refuses with every problem found so far; otherwise speaks the words, refusing if that fails. Nothing is written either way.</summary>
    private async Task SpeakAsync(string doing, SurveyTemplate template, List<string> problems, CancellationToken cancellationToken)
    {
        if (problems.Count == 0)
        {
            problems.AddRange(await SpokenPrompt.SpeakAsync(
                studio,
                [
                    ("guide prompt", template.Language, template.GuideText), ("closing prompt", template.Language, template.ClosingText),
                    ("invalid prompt", template.Language, template.InvalidText), ("timeout prompt", template.Language, template.TimeoutText),
                ],
                cancellationToken).ConfigureAwait(false));
        }

        if (problems.Count > 0)
        {
            throw RuleEditRefusal.Because(doing, problems);
        }
    }

    private static List<string> Problems(SurveyTemplate template)
    {
        var problems = new List<string>(template.Validate());
        if (TemplateReference.IsId(template.Name))
        {
            problems.Add($"name '{template.Name}' is only digits, which would read as a template id; add a letter");
        }

        return problems;
    }

    /// <summary>Every field as the audit log words it: "retries 1; keys 1=满意:5,2=一般:3; …".</summary>
    private static AuditFacts Facts(SurveyTemplate t) => new(
    [
        ("name", t.Name),
        ("direction", RuleWords.SurveyDirections.Word(t.Direction)),
        ("enabled", AuditFacts.YesNo(t.Enabled)),
        ("guide", t.GuidePrompt),
        ("guide-text", t.GuideText ?? "-"),
        ("closing", t.ClosingPrompt),
        ("closing-text", t.ClosingText ?? "-"),
        ("invalid", t.InvalidPrompt),
        ("invalid-text", t.InvalidText ?? "-"),
        ("timeout-prompt", t.TimeoutPrompt),
        ("timeout-text", t.TimeoutText ?? "-"),
        ("timeout", AuditFacts.Seconds(t.Timeout)),
        ("retries", t.Retries.ToString(CultureInfo.InvariantCulture)),
        ("language", t.Language),
        ("keys", string.Join(",", t.Keys.Select(k => $"{k.Digit}={k.Label}:{k.Score.ToString(CultureInfo.InvariantCulture)}"))),
    ]);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Columns(SurveyTemplate template) => new(StringComparer.Ordinal)
    {
        ["Name"] = template.Name,
        ["Direction"] = RuleWords.SurveyDirections.Word(template.Direction),
        ["Enabled"] = template.Enabled,
        ["GuidePrompt"] = template.GuidePrompt,
        ["ClosingPrompt"] = template.ClosingPrompt,
        ["InvalidPrompt"] = template.InvalidPrompt,
        ["TimeoutPrompt"] = template.TimeoutPrompt,
        ["TimeoutMs"] = (int)Math.Round(template.Timeout.TotalMilliseconds),
        ["Retries"] = template.Retries,
        ["Language"] = template.Language,
        ["GuideText"] = template.GuideText,
        ["ClosingText"] = template.ClosingText,
        ["InvalidText"] = template.InvalidText,
        ["TimeoutText"] = template.TimeoutText,
    };

    private static async Task<(int? Outbound, int? Inbound)> LockSettingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<(int?, int?)>(new CommandDefinition(LockSettings, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private static async Task WriteKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int id, IReadOnlyList<SurveyKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            InsertKeys,
            new
            {
                Id = id,
                Digits = keys.Select(k => k.Digit.ToString()).ToArray(),
                Labels = keys.Select(k => k.Label).ToArray(),
                Scores = keys.Select(k => k.Score).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<SurveyTemplate?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string reference, bool lockRow, CancellationToken cancellationToken)
    {
        SurveyTemplateRow? row = await connection.QuerySingleOrDefaultAsync<SurveyTemplateRow>(new CommandDefinition(
            $"{SelectTemplates} where {TemplateReference.Match}{(lockRow ? " for update" : "")}",
            new DynamicParameters(TemplateReference.Parameters(reference)),
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : (await WithKeysAsync(connection, transaction, [row], cancellationToken).ConfigureAwait(false))[0];
    }

    private static async Task<IReadOnlyList<SurveyTemplate>> WithKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, List<SurveyTemplateRow> rows, CancellationToken cancellationToken)
    {
        var keys = (await connection.QueryAsync<SurveyKeyRow>(new CommandDefinition(
            SelectKeys, new { Ids = rows.Select(r => r.Id).ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(k => k.TemplateId);

        return rows.Select(row => RuleRowMapping.ToSurveyTemplate(row, keys[row.Id])).ToList();
    }
}
