using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// The admin write side of <c>skill_groups</c>; refusals are <see cref="RuleEditException"/>s. Every change writes
/// its audit entry, naming <paramref name="who"/>, in its own transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class SkillGroupAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Audited = "skill group";

    public async Task<IReadOnlyList<SkillGroupListing>> ListAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            select g.id as Id, g.name as Name, g.direction as Direction,
                   (select count(*)::int from agent_skill_groups a where a.skill_group_id = g.id) as Agents,
                   (select count(*)::int from skill_group_numbers n where n.skill_group_id = g.id) as Numbers
            from skill_groups g
            order by g.id
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<SkillGroupListing>(new CommandDefinition(Sql, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>Adds a skill group; <paramref name="direction"/> is inbound, outbound or both.</summary>
    public Task AddAsync(string id, string name, string direction, CancellationToken cancellationToken) =>
        RuleTableEdit.RunAsync(dataSource, $"add skill group {RuleTableEdit.Quote(id)}", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into skill_groups (id, name, direction) values (@id, @name, @direction)",
                new { id, name, direction }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            AuditFacts added = await FactsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the skill group just added is not there");
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Added(who, Audited, id, added), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task UpdateAsync(string id, SkillGroupChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        string doing = $"update skill group {RuleTableEdit.Quote(id)}";
        return RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            AuditFacts before = await FactsAsync(connection, transaction, id, cancellationToken, lockRow: true).ConfigureAwait(false)
                ?? throw new RuleEditException($"{doing}: no such skill group");
            const string Sql = """
                update skill_groups
                set name = case when @setName then @name else name end,
                    direction = case when @setDirection then @direction else direction end
                where id = @id
                """;
            var parameters = new
            {
                id,
                setName = change.Name.IsSet,
                name = change.Name.Value,
                setDirection = change.Direction.IsSet,
                direction = change.Direction.Value,
            };
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            AuditFacts after = (await FactsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false))!;
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Changed(who, Audited, id, before, after), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Removes the skill group; its agents and numbers stay, without this membership.</summary>
    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        string doing = $"remove skill group {RuleTableEdit.Quote(id)}";
        return RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "delete from skill_groups where id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new RuleEditException($"{doing}: no such skill group");
            }

            await AuditLog.WriteAsync(connection, transaction, new AuditEntry(who, Audited, $"removed {id}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The skill group as the audit log words it: "name 销售; direction outbound"; null when there is none.</summary>
    private static async Task<AuditFacts?> FactsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string id, CancellationToken cancellationToken, bool lockRow = false)
    {
        var rows = await connection.QueryAsync<(string Name, string Direction)>(new CommandDefinition(
            $"select name, direction from skill_groups where id = @id{(lockRow ? " for update" : "")}",
            new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => new AuditFacts([("name", row.Name), ("direction", row.Direction)])).FirstOrDefault();
    }
}
