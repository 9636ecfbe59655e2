using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>The admin write side of <c>skill_groups</c>; refusals are <see cref="RuleEditException"/>s.</summary>
public sealed class SkillGroupAdmin(NpgsqlDataSource dataSource)
{
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
        AddAsync(id, name, direction, audit: null, cancellationToken);

    /// <summary>The same, writing <paramref name="audit"/> in the same transaction.</summary>
    public Task AddAsync(string id, string name, string direction, AuditEntry? audit, CancellationToken cancellationToken) =>
        RuleTableEdit.RunAsync(dataSource, $"add skill group {RuleTableEdit.Quote(id)}", audit, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "insert into skill_groups (id, name, direction) values (@id, @name, @direction)",
            new { id, name, direction }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task UpdateAsync(string id, SkillGroupChange change, CancellationToken cancellationToken) =>
        UpdateAsync(id, change, audit: null, cancellationToken);

    /// <summary>The same, writing <paramref name="audit"/> in the same transaction.</summary>
    public Task UpdateAsync(string id, SkillGroupChange change, AuditEntry? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        string doing = $"update skill group {RuleTableEdit.Quote(id)}";
        return RuleTableEdit.RunAsync(dataSource, doing, audit, async (connection, transaction) =>
        {
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
            int updated = await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (updated == 0)
            {
                throw new RuleEditException($"{doing}: no such skill group");
            }
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
        }, cancellationToken);
    }
}
