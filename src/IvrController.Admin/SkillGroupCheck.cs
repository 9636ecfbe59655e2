using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// Names the skill groups an edit refers to that do not exist. The foreign keys would refuse them
/// too, but only as "no such skill group" without saying which one of several it was.
/// </summary>
internal static class SkillGroupCheck
{
    public static async Task RequireAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyCollection<string> skillGroups,
        string doing,
        CancellationToken cancellationToken)
    {
        if (skillGroups.Count == 0)
        {
            return;
        }

        const string Sql = """
            select g from unnest(@groups) with ordinality as u(g, n)
            where not exists (select 1 from skill_groups where id = u.g)
            order by n
            """;
        var missing = (await connection.QueryAsync<string>(new CommandDefinition(
            Sql, new { groups = skillGroups.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            string which = string.Join(", ", missing.Select(RuleTableEdit.Quote));
            throw new RuleEditException($"{doing}: no such skill group{(missing.Count > 1 ? "s" : "")}: {which}");
        }
    }
}
