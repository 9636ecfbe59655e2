using System.Globalization;
using Dapper;
using IvrController.Admin.Prompts;
using IvrController.Rules.Ivr;
using IvrController.Rules.Prompts;
using IvrController.Store.Rows;
using IvrController.Store.Vocabulary;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Adds, changes and removes IVR menus with their options, each edit in one transaction. Before writing,
/// the menus as they would be are checked with the rules' validation against the skill groups, agents and
/// menus read in the same transaction: the edited menus must be sound, and the edit may not break another
/// menu (a submenu that would vanish, a loop of default actions). Options are always replaced as a whole.
/// Prompts given as words are spoken into the prompts directory by <paramref name="studio"/>, in the language the
/// words are written in (menus have none of their own). Every change writes its audit entry, naming
/// <paramref name="who"/>, in its transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class IvrMenuAdmin(NpgsqlDataSource dataSource, string who, PromptStudio? studio = null)
{
    private const string Audited = "ivr menu";

    private const string SelectMenus = """
        select name as Name, greeting_prompt as GreetingPrompt, invalid_prompt as InvalidPrompt,
               timeout_prompt as TimeoutPrompt, timeout_ms as TimeoutMs, max_retries as MaxRetries,
               default_action as DefaultAction, default_target as DefaultTarget,
               greeting_text as GreetingText, invalid_text as InvalidText, timeout_text as TimeoutText, enabled as Enabled
        from ivr_menus order by name;

        select menu as Menu, digit as Digit, action as Action, target as Target
        from ivr_options order by menu, digit collate "C";
        """;

    // Menu edits take turns (the lock conflicts with itself and with plain writes), so two edits cannot
    // each pass validation against a state the other is changing.
    private const string LockMenus = "lock table ivr_menus in share row exclusive mode";

    private const string SelectTargets = """
        select id from skill_groups;
        select id from agents;
        """;

    private const string InsertMenu = """
        insert into ivr_menus (name, greeting_prompt, invalid_prompt, timeout_prompt, timeout_ms, max_retries, default_action, default_target,
                               greeting_text, invalid_text, timeout_text, enabled)
        values (@Name, @Greeting, @InvalidPrompt, @TimeoutPrompt, @TimeoutMs, @MaxRetries, @DefaultAction, @DefaultTarget,
                @GreetingText, @InvalidText, @TimeoutText, @Enabled)
        """;

    private const string UpdateMenu = """
        update ivr_menus
        set greeting_prompt = @Greeting, invalid_prompt = @InvalidPrompt, timeout_prompt = @TimeoutPrompt, timeout_ms = @TimeoutMs,
            max_retries = @MaxRetries, default_action = @DefaultAction, default_target = @DefaultTarget,
            greeting_text = @GreetingText, invalid_text = @InvalidText, timeout_text = @TimeoutText, enabled = @Enabled
        where name = @Name;
        delete from ivr_options where menu = @Name;
        """;

    private const string InsertOptions = """
        insert into ivr_options (menu, digit, action, target)
        select @Name, digit, action, target from unnest(@Digits, @Actions, @Targets) as o (digit, action, target)
        """;

    public async Task<IReadOnlyList<IvrMenu>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadMenusAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IvrMenu?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyList<IvrMenu> menus = await ListAsync(cancellationToken).ConfigureAwait(false);
        return menus.FirstOrDefault(m => m.Name == name);
    }

    /// <summary>Our numbers by the menu they name (numbers without a menu are left out), each list in order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NumbersByMenuAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var pairs = await connection.QueryAsync<(string Menu, string Number)>(new CommandDefinition(
            "select ivr_menu, number from caller_numbers where ivr_menu is not null order by ivr_menu, number",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return pairs.GroupBy(p => p.Menu, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Number).ToList(), StringComparer.Ordinal);
    }

    /// <exception cref="RuleEditException">The menu breaks a rule or its name is taken; nothing was written.</exception>
    public async Task<IvrMenu> AddAsync(IvrMenu menu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        await AddAsync([menu], cancellationToken).ConfigureAwait(false);
        return menu;
    }

    /// <summary>Adds menus together, so they may name each other as submenus.</summary>
    /// <exception cref="RuleEditException">One breaks a rule or a name is taken; nothing was written.</exception>
    public async Task AddAsync(IReadOnlyCollection<IvrMenu> menus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menus);
        string doing = $"add menu {string.Join(", ", menus.Select(m => m.Name))}";
        await EditAsync(doing, async (edit, ct) =>
        {
            var problems = new List<string>();
            var adding = new HashSet<string>(StringComparer.Ordinal);
            foreach (IvrMenu menu in menus)
            {
                if (edit.Before.TryGetValue(menu.Name, out _) || !adding.Add(menu.Name))
                {
                    problems.Add($"a menu named '{menu.Name}' already exists");
                }
            }

            var voiced = menus.Select(menu => Voiced(menu, null, problems)).ToList();
            if (problems.Count > 0)
            {
                throw RuleEditRefusal.Because(doing, problems);
            }

            edit.Refuse(voiced, edit.Before.Values.Concat(voiced));
            await SpeakAsync(doing, voiced, ct).ConfigureAwait(false);
            foreach (IvrMenu menu in voiced)
            {
                await edit.ExecuteAsync(InsertMenu, Columns(menu), ct).ConfigureAwait(false);
                await WriteOptionsAsync(edit, menu, ct).ConfigureAwait(false);
                await edit.AuditAsync(AuditEntry.Added(who, Audited, menu.Name, Facts(menu)), ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="edit"/> to the stored menu and writes the result (options replaced as a whole; the name stays).</summary>
    /// <exception cref="RuleEditException">No such menu, or the result breaks a rule; nothing was written.</exception>
    public async Task<IvrMenu> UpdateAsync(string name, Func<IvrMenu, IvrMenu> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(edit);
        string doing = $"update menu {name}";
        return await EditAsync(doing, async (menus, ct) =>
        {
            IvrMenu current = menus.Before.GetValueOrDefault(name) ?? throw RuleEditRefusal.Because(doing, $"there is no menu '{name}'");
            var problems = new List<string>();
            IvrMenu updated = Voiced(edit(current) with { Name = current.Name }, current, problems);
            if (problems.Count > 0)
            {
                throw RuleEditRefusal.Because(doing, problems);
            }

            menus.Refuse([updated], menus.Before.Values.Where(m => m.Name != name).Append(updated));
            await SpeakAsync(doing, [updated], ct).ConfigureAwait(false);
            await menus.ExecuteAsync(UpdateMenu, Columns(updated), ct).ConfigureAwait(false);
            await WriteOptionsAsync(menus, updated, ct).ConfigureAwait(false);
            await menus.AuditAsync(AuditEntry.Changed(who, Audited, name, Facts(current), Facts(updated)), ct).ConfigureAwait(false);
            return updated;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes a menu and its options. Refused while another menu goes to it; allowed while numbers name it
    /// (they are left without a menu, as the schema says), and the result lists those numbers.
    /// </summary>
    /// <exception cref="RuleEditException">No such menu, or another menu still goes to it; nothing was removed.</exception>
    public async Task<IvrMenuRemoval> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        string doing = $"remove menu {name}";
        return await EditAsync(doing, async (menus, ct) =>
        {
            IvrMenu menu = menus.Before.GetValueOrDefault(name) ?? throw RuleEditRefusal.Because(doing, $"there is no menu '{name}'");
            menus.Refuse([], menus.Before.Values.Where(m => m.Name != name));
            var numbers = (await menus.Connection.QueryAsync<string>(new CommandDefinition(
                "select number from caller_numbers where ivr_menu = @Name order by number for update",
                new { Name = name },
                menus.Transaction,
                cancellationToken: ct)).ConfigureAwait(false)).AsList();
            await menus.ExecuteAsync("delete from ivr_menus where name = @Name", new { Name = name }, ct).ConfigureAwait(false);
            var removal = new IvrMenuRemoval(menu, numbers);
            string left = numbers.Count == 0 ? "" : $"; numbers left without a menu: {string.Join(", ", numbers)}";
            await menus.AuditAsync(new AuditEntry(who, Audited, $"removed {name}{left}"), ct).ConfigureAwait(false);
            return removal;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> EditAsync<T>(string doing, Func<IvrMenuEdit, CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(LockMenus, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        IReadOnlyList<IvrMenu> menus = await ReadMenusAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        HashSet<string> skillGroups;
        HashSet<string> agents;
        await using (var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectTargets, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            skillGroups = (await grid.ReadAsync<string>().ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            agents = (await grid.ReadAsync<string>().ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        }

        var edit = new IvrMenuEdit(doing, connection, transaction, menus.ToDictionary(m => m.Name, StringComparer.Ordinal), skillGroups, agents);
        T result = await RuleEditRefusal.TranslatingAsync(doing, () => apply(edit, cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task<IReadOnlyList<IvrMenu>> ReadMenusAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectMenus, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var menus = (await grid.ReadAsync<IvrMenuRow>().ConfigureAwait(false)).AsList();
        var options = (await grid.ReadAsync<IvrOptionRow>().ConfigureAwait(false)).ToLookup(o => o.Menu, StringComparer.Ordinal);
        return menus.Select(row => RuleRowMapping.ToMenu(
            row,
            options[row.Name].Select(o => new IvrOption(o.Digit, RuleWords.IvrAction(o.Action, o.Target))).ToList(),
            RuleWords.IvrAction(row.DefaultAction, row.DefaultTarget))).ToList();
    }

    /// <summary>The menu with each prompt given as words pointing at the file they will be spoken into.</summary>
    private IvrMenu Voiced(IvrMenu menu, IvrMenu? before, List<string> problems)
    {
        string Plan(string what, string? words, string prompt, string? wordsBefore, string? promptBefore) => SpokenPrompt.Plan(
            studio, what, PromptWords.LanguageOf(words ?? ""), words, prompt,
            before is null ? null : (wordsBefore, promptBefore!, PromptWords.LanguageOf(wordsBefore ?? "")), problems);

        return menu with
        {
            Greeting = Plan("greeting", menu.GreetingText, menu.Greeting, before?.GreetingText, before?.Greeting),
            InvalidPrompt = Plan("invalid prompt", menu.InvalidText, menu.InvalidPrompt, before?.InvalidText, before?.InvalidPrompt),
            TimeoutPrompt = Plan("timeout prompt", menu.TimeoutText, menu.TimeoutPrompt, before?.TimeoutText, before?.TimeoutPrompt),
        };
    }

    private async Task SpeakAsync(string doing, IEnumerable<IvrMenu> menus, CancellationToken cancellationToken)
    {
        List<string> problems = await SpokenPrompt.SpeakAsync(
            studio,
            menus.SelectMany(menu => new[] { ("greeting", menu.GreetingText), ("invalid prompt", menu.InvalidText), ("timeout prompt", menu.TimeoutText) })
                .Select(p => (p.Item1, PromptWords.LanguageOf(p.Item2 ?? ""), p.Item2)),
            cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw RuleEditRefusal.Because(doing, problems);
        }
    }

    /// <summary>Every field as the audit log words it: "max-retries 2; options 1=skill_group:sales,9=repeat; …".</summary>
    private static AuditFacts Facts(IvrMenu m) => new(
    [
        ("greeting", m.Greeting),
        ("greeting-text", m.GreetingText ?? "-"),
        ("invalid", m.InvalidPrompt),
        ("invalid-text", m.InvalidText ?? "-"),
        ("timeout-prompt", m.TimeoutPrompt),
        ("timeout-text", m.TimeoutText ?? "-"),
        ("timeout", AuditFacts.Seconds(m.Timeout)),
        ("max-retries", m.MaxRetries.ToString(CultureInfo.InvariantCulture)),
        ("default", Stored(m.DefaultAction)),
        ("options", m.Options.Count == 0 ? "-" : string.Join(",", m.Options.Select(o => $"{o.Digit}={Stored(o.Action)}"))),
        ("enabled", AuditFacts.YesNo(m.Enabled)),
    ]);

    private static string Stored(IvrAction action) =>
        action.Target is { } target ? $"{RuleWords.IvrActions.Word(action.Kind)}:{target}" : RuleWords.IvrActions.Word(action.Kind);

    private static Dictionary<string, object?> Columns(IvrMenu menu) => new(StringComparer.Ordinal)
    {
        ["Name"] = menu.Name,
        ["Greeting"] = menu.Greeting,
        ["InvalidPrompt"] = menu.InvalidPrompt,
        ["TimeoutPrompt"] = menu.TimeoutPrompt,
        ["TimeoutMs"] = (int)Math.Round(menu.Timeout.TotalMilliseconds),
        ["MaxRetries"] = menu.MaxRetries,
        ["DefaultAction"] = RuleWords.IvrActions.Word(menu.DefaultAction.Kind),
        ["DefaultTarget"] = menu.DefaultAction.Target,
        ["GreetingText"] = menu.GreetingText,
        ["InvalidText"] = menu.InvalidText,
        ["TimeoutText"] = menu.TimeoutText,
        ["Enabled"] = menu.Enabled,
    };

    private static async Task WriteOptionsAsync(IvrMenuEdit edit, IvrMenu menu, CancellationToken cancellationToken)
    {
        if (menu.Options.Count == 0)
        {
            return;
        }

        await edit.ExecuteAsync(
            InsertOptions,
            new
            {
                menu.Name,
                Digits = menu.Options.Select(o => o.Digit.ToString()).ToArray(),
                Actions = menu.Options.Select(o => RuleWords.IvrActions.Word(o.Action.Kind)).ToArray(),
                Targets = menu.Options.Select(o => o.Action.Target).ToArray(),
            },
            cancellationToken).ConfigureAwait(false);
    }
}
