using Dapper;
using IvrController.Rules.Ivr;
using Npgsql;

namespace IvrController.Admin;

/// <summary>One menu edit in progress: the menus, skill groups and agents as its transaction read them, and the checks.</summary>
internal sealed class IvrMenuEdit(
    string doing,
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    IReadOnlyDictionary<string, IvrMenu> before,
    IReadOnlySet<string> skillGroups,
    IReadOnlySet<string> agents)
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>The stored menus by name, before the edit.</summary>
    public IReadOnlyDictionary<string, IvrMenu> Before => before;

    /// <summary>
    /// Refuses the edit when a menu it writes has a problem, or when the menus as they would be have a
    /// problem they did not have before (another menu's submenu removed, a new loop). Problems the edit
    /// did not cause, in menus it does not touch, are left for <c>explain</c> and do not block it.
    /// </summary>
    public void Refuse(IReadOnlyCollection<IvrMenu> written, IEnumerable<IvrMenu> after)
    {
        var catalog = new IvrMenuCatalog(after);
        var own = written
            .SelectMany(menu => menu.Validate(catalog.Names, skillGroups, agents).Select(problem => MenuPrefix(menu.Name) + problem))
            .ToHashSet(StringComparer.Ordinal);
        var existing = new IvrMenuCatalog(before.Values).Validate(skillGroups, agents).ToHashSet(StringComparer.Ordinal);

        // The catalog reports each menu's own problems with the same prefix, plus loops between menus.
        var problems = catalog.Validate(skillGroups, agents)
            .Where(problem => own.Contains(problem) || !existing.Contains(problem))
            .Select(problem => WithoutEditedName(written, problem))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (problems.Count > 0)
        {
            throw RuleEditRefusal.Because(doing, problems);
        }
    }

    public Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes the edit's audit entry in its transaction.</summary>
    public Task AuditAsync(AuditEntry audit, CancellationToken cancellationToken) => AuditLog.WriteAsync(connection, transaction, audit, cancellationToken);

    private static string MenuPrefix(string name) => $"menu '{name}': ";

    // One menu: the edit already names it ("add menu main: …"), so the prefix would say it twice.
    private static string WithoutEditedName(IReadOnlyCollection<IvrMenu> written, string problem) =>
        written.Count == 1 && problem.StartsWith(MenuPrefix(written.First().Name), StringComparison.Ordinal)
            ? problem[MenuPrefix(written.First().Name).Length..]
            : problem;
}
