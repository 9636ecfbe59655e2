using System.Globalization;
using Dapper;
using IvrController.Rules.Numbers;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// The admin write side of <c>caller_numbers</c> and <c>skill_group_numbers</c>. Numbers come in any
/// form an admin types (021-5281-0000, +86 21 5281 0000, 13800138000) and are stored in E.164;
/// refusals are <see cref="RuleEditException"/>s. Every change writes its audit entry, naming <paramref name="who"/>,
/// in its own transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class CallerNumberAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Audited = "number";

    private const string SelectNumbers = """
        select n.number, n.province, n.city, n.enabled, n.max_concurrent, n.daily_cap, n.ivr_menu,
               coalesce(array_agg(m.skill_group_id order by m.skill_group_id) filter (where m.skill_group_id is not null), '{}')
        from caller_numbers n left join skill_group_numbers m on m.number = n.number
        """;

    public async Task<IReadOnlyList<CallerNumberListing>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a number to the pool with its skill groups, all or nothing; returns it normalised.</summary>
    public async Task<PhoneNumber> AddAsync(CallerNumberSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        PhoneNumber number = Normalize(setup.Number, "add");
        string doing = $"add number {number.E164}";
        (string? province, string? city) = CallerNumberRegion.Canonical(setup.Province, setup.City, doing);
        await RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            await SkillGroupCheck.RequireAsync(connection, transaction, setup.SkillGroups, doing, cancellationToken).ConfigureAwait(false);
            const string Sql = """
                insert into caller_numbers (number, province, city, enabled, max_concurrent, daily_cap, ivr_menu)
                values (@number, @province, @city, @enabled, @maxConcurrent, @dailyCap, @ivrMenu)
                """;
            var parameters = new
            {
                number = number.E164,
                province,
                city,
                enabled = setup.Enabled,
                maxConcurrent = setup.MaxConcurrent,
                dailyCap = setup.DailyCap,
                ivrMenu = setup.IvrMenu,
            };
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertLinksAsync(connection, transaction, number.E164, setup.SkillGroups, cancellationToken).ConfigureAwait(false);
            AuditFacts added = (await FactsAsync(connection, transaction, number.E164, cancellationToken).ConfigureAwait(false))!;
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Added(who, Audited, number.E164, added), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return number;
    }

    /// <summary>Changes what <paramref name="change"/> sets; returns the number normalised. A number not in the pool is refused.</summary>
    public async Task<PhoneNumber> UpdateAsync(string number, CallerNumberChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        PhoneNumber parsed = Normalize(number, "update");
        string doing = $"update number {parsed.E164}";
        if (change.Province.IsSet != change.City.IsSet)
        {
            throw new RuleEditException($"{doing}: a number's region is a province and a city: change both or neither");
        }

        (string? province, string? city) = change.Province.IsSet
            ? CallerNumberRegion.Canonical(change.Province.Value, change.City.Value, doing)
            : (null, null);
        await EditAsync(parsed.E164, doing, async (connection, transaction) =>
        {
            const string Sql = """
                update caller_numbers
                set province = case when @setRegion then @province else province end,
                    city = case when @setRegion then @city else city end,
                    enabled = case when @setEnabled then @enabled else enabled end,
                    max_concurrent = case when @setMaxConcurrent then @maxConcurrent else max_concurrent end,
                    daily_cap = case when @setDailyCap then @dailyCap else daily_cap end,
                    ivr_menu = case when @setIvrMenu then @ivrMenu else ivr_menu end
                where number = @number
                  and (@setRegion or @setEnabled or @setMaxConcurrent or @setDailyCap or @setIvrMenu)
                """;
            var parameters = new
            {
                number = parsed.E164,
                setRegion = change.Province.IsSet,
                province,
                city,
                setEnabled = change.Enabled.IsSet,
                enabled = change.Enabled.Value,
                setMaxConcurrent = change.MaxConcurrent.IsSet,
                maxConcurrent = change.MaxConcurrent.Value,
                setDailyCap = change.DailyCap.IsSet,
                dailyCap = change.DailyCap.Value,
                setIvrMenu = change.IvrMenu.IsSet,
                ivrMenu = change.IvrMenu.Value,
            };
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (change.SkillGroups.IsSet)
            {
                IReadOnlyCollection<string> groups = change.SkillGroups.Value;
                await SkillGroupCheck.RequireAsync(connection, transaction, groups, doing, cancellationToken).ConfigureAwait(false);
                // Only the difference is written: links that stay are not deleted and inserted again.
                await connection.ExecuteAsync(new CommandDefinition(
                    "delete from skill_group_numbers where number = @number and skill_group_id <> all(@groups)",
                    new { number = parsed.E164, groups = groups.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await InsertLinksAsync(connection, transaction, parsed.E164, groups, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        return parsed;
    }

    /// <summary>Makes the number's skill groups exactly <paramref name="skillGroups"/> (empty: none), in one transaction.</summary>
    public Task<PhoneNumber> SetSkillGroupsAsync(string number, IReadOnlyCollection<string> skillGroups, CancellationToken cancellationToken) =>
        UpdateAsync(number, new CallerNumberChange { SkillGroups = new(skillGroups) }, cancellationToken);

    /// <summary>Reserves the number for one more skill group.</summary>
    public async Task<PhoneNumber> LinkSkillGroupAsync(string number, string skillGroup, CancellationToken cancellationToken)
    {
        PhoneNumber parsed = Normalize(number, "link");
        await EditAsync(parsed.E164, $"link number {parsed.E164} to skill group {RuleTableEdit.Quote(skillGroup)}", (connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(
                "insert into skill_group_numbers (skill_group_id, number) values (@skillGroup, @number)",
                new { skillGroup, number = parsed.E164 }, transaction, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return parsed;
    }

    /// <summary>Takes the number out of one skill group; refused when it was not linked to it.</summary>
    public async Task<PhoneNumber> UnlinkSkillGroupAsync(string number, string skillGroup, CancellationToken cancellationToken)
    {
        PhoneNumber parsed = Normalize(number, "unlink");
        string doing = $"unlink number {parsed.E164} from skill group {RuleTableEdit.Quote(skillGroup)}";
        await EditAsync(parsed.E164, doing, async (connection, transaction) =>
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "delete from skill_group_numbers where skill_group_id = @skillGroup and number = @number",
                new { skillGroup, number = parsed.E164 }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new RuleEditException($"{doing}: the number is not linked to this skill group");
            }
        }, cancellationToken).ConfigureAwait(false);
        return parsed;
    }

    /// <summary>Takes the number out of the pool, with its skill-group links; call history keeps it.</summary>
    public async Task<PhoneNumber> RemoveAsync(string number, CancellationToken cancellationToken)
    {
        PhoneNumber parsed = Normalize(number, "remove");
        string doing = $"remove number {parsed.E164}";
        await RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "delete from caller_numbers where number = @number", new { number = parsed.E164 }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new RuleEditException($"{doing}: no such caller number");
            }

            await AuditLog.WriteAsync(connection, transaction, new AuditEntry(who, Audited, $"removed {parsed.E164}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return parsed;
    }

    /// <summary>An edit of a number in the pool: refused when it is not there, audited with what it changed.</summary>
    private Task EditAsync(string e164, string doing, Func<NpgsqlConnection, NpgsqlTransaction, Task> edit, CancellationToken cancellationToken) =>
        RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            await RequireNumberAsync(connection, transaction, e164, doing, cancellationToken).ConfigureAwait(false);
            AuditFacts before = (await FactsAsync(connection, transaction, e164, cancellationToken).ConfigureAwait(false))!;
            await edit(connection, transaction).ConfigureAwait(false);
            AuditFacts after = (await FactsAsync(connection, transaction, e164, cancellationToken).ConfigureAwait(false))!;
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Changed(who, Audited, e164, before, after), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task<IReadOnlyList<CallerNumberListing>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string? number, CancellationToken cancellationToken)
    {
        string sql = SelectNumbers + (number is null ? "" : " where n.number = @number") + " group by n.number order by n.number";
        var rows = await connection.QueryAsync<(string, string?, string?, bool, int?, int?, string?, string[])>(
            new CommandDefinition(sql, new { number }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new CallerNumberListing(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7, r.Item8))];
    }

    /// <summary>The number's settings as the audit log words them: "region 上海/上海; enabled yes; max-concurrent none; …".</summary>
    private static async Task<AuditFacts?> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string e164, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, transaction, e164, cancellationToken).ConfigureAwait(false)).Select(n => new AuditFacts(
        [
            ("region", n.Province is null ? "automatic" : $"{n.Province}/{n.City}"),
            ("enabled", AuditFacts.YesNo(n.Enabled)),
            ("max-concurrent", n.MaxConcurrent?.ToString(CultureInfo.InvariantCulture) ?? "none"),
            ("daily-cap", n.DailyCap?.ToString(CultureInfo.InvariantCulture) ?? "none"),
            ("menu", n.IvrMenu ?? "none"),
            ("skill groups", AuditFacts.List(n.SkillGroups)),
        ])).FirstOrDefault();

    /// <summary>The normaliser's own sentence for bad input; its message never repeats the input, so neither does ours.</summary>
    private static PhoneNumber Normalize(string raw, string verb)
    {
        try
        {
            return ChineseNumberNormalizer.Default.Normalize(raw);
        }
        catch (InvalidPhoneNumberException e)
        {
            string shown = e.MaskedInput.Length > 0 ? $" {e.MaskedInput}" : "";
            throw new RuleEditException($"{verb} number{shown}: {e.Message}", e);
        }
    }

    private static async Task RequireNumberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, string doing, CancellationToken cancellationToken)
    {
        // FOR UPDATE: a concurrent remove waits for this edit instead of racing its links.
        int? found = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select 1 from caller_numbers where number = @number for update", new { number }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (found is null)
        {
            throw new RuleEditException($"{doing}: no such caller number");
        }
    }

    private static Task InsertLinksAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string number,
        IReadOnlyCollection<string> skillGroups,
        CancellationToken cancellationToken) =>
        skillGroups.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                insert into skill_group_numbers (skill_group_id, number)
                select g, @number from unnest(@groups) as g
                on conflict do nothing
                """,
                new { number, groups = skillGroups.ToArray() }, transaction, cancellationToken: cancellationToken));
}
