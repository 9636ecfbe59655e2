using Dapper;
using Npgsql;

namespace IvrController.Admin;

/// <summary>
/// The admin write side of <c>agents</c> and <c>agent_skill_groups</c>. Every refusal is a
/// <see cref="RuleEditException"/> whose message starts with what was being done ("add agent 1001: …"); every
/// change writes its audit entry, naming <paramref name="who"/>, in its own transaction.
/// </summary>
/// <param name="who">Who makes the changes: a console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
public sealed class AgentAdmin(NpgsqlDataSource dataSource, string who)
{
    private const string Audited = "agent";

    private const string SelectAgents = """
        select a.id, a.name, a.status,
               coalesce(array_agg(m.skill_group_id order by m.skill_group_id) filter (where m.skill_group_id is not null), '{}')
        from agents a left join agent_skill_groups m on m.agent_id = a.id
        """;

    public async Task<IReadOnlyList<AgentListing>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Name, string Status, string[] SkillGroups)>(
            new CommandDefinition(SelectAgents + " group by a.id order by a.id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new AgentListing(r.Id, r.Name, r.Status, r.SkillGroups))];
    }

    /// <summary>Adds an agent (status active or offline) in the given skill groups, all or nothing.</summary>
    public Task AddAsync(string id, string name, string status, IReadOnlyCollection<string> skillGroups, CancellationToken cancellationToken)
    {
        string doing = $"add agent {RuleTableEdit.Quote(id)}";
        return RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            await SkillGroupCheck.RequireAsync(connection, transaction, skillGroups, doing, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into agents (id, name, status) values (@id, @name, @status)",
                new { id, name, status }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertMembershipsAsync(connection, transaction, id, skillGroups, cancellationToken).ConfigureAwait(false);
            AuditFacts added = await FactsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Added(who, Audited, id, added), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Changes what <paramref name="change"/> sets; a missing agent is refused.</summary>
    public Task UpdateAsync(string id, AgentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        string doing = $"update agent {RuleTableEdit.Quote(id)}";
        return EditAsync(id, doing, async (connection, transaction) =>
        {
            // Only the fields given are written, so an update of memberships alone leaves updated_at as it was.
            const string Sql = """
                update agents
                set name = case when @setName then @name else name end,
                    status = case when @setStatus then @status else status end
                where id = @id and (@setName or @setStatus)
                """;
            var parameters = new
            {
                id,
                setName = change.Name.IsSet,
                name = change.Name.Value,
                setStatus = change.Status.IsSet,
                status = change.Status.Value,
            };
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (change.SkillGroups.IsSet)
            {
                await ReplaceMembershipsAsync(connection, transaction, id, change.SkillGroups.Value, doing, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Makes the agent's skill groups exactly <paramref name="skillGroups"/> (empty: none), in one transaction.</summary>
    public Task SetSkillGroupsAsync(string id, IReadOnlyCollection<string> skillGroups, CancellationToken cancellationToken) =>
        UpdateAsync(id, new AgentChange { SkillGroups = new(skillGroups) }, cancellationToken);

    /// <summary>Puts the agent into one more skill group.</summary>
    public Task JoinSkillGroupAsync(string id, string skillGroup, CancellationToken cancellationToken)
    {
        string doing = $"add agent {RuleTableEdit.Quote(id)} to skill group {RuleTableEdit.Quote(skillGroup)}";
        return EditAsync(id, doing, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "insert into agent_skill_groups (agent_id, skill_group_id) values (@id, @skillGroup)",
            new { id, skillGroup }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Takes the agent out of one skill group; refused when it was not in it.</summary>
    public Task LeaveSkillGroupAsync(string id, string skillGroup, CancellationToken cancellationToken)
    {
        string doing = $"remove agent {RuleTableEdit.Quote(id)} from skill group {RuleTableEdit.Quote(skillGroup)}";
        return EditAsync(id, doing, async (connection, transaction) =>
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "delete from agent_skill_groups where agent_id = @id and skill_group_id = @skillGroup",
                new { id, skillGroup }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new RuleEditException($"{doing}: the agent is not in this skill group");
            }
        }, cancellationToken);
    }

    /// <summary>Removes the agent and its memberships; its call history stays.</summary>
    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        string doing = $"remove agent {RuleTableEdit.Quote(id)}";
        return RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "delete from agents where id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new RuleEditException($"{doing}: no such agent");
            }

            await AuditLog.WriteAsync(connection, transaction, new AuditEntry(who, Audited, $"removed {id}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>An edit of an existing agent: refused when there is none, audited with what it changed.</summary>
    private Task EditAsync(string id, string doing, Func<NpgsqlConnection, NpgsqlTransaction, Task> edit, CancellationToken cancellationToken) =>
        RuleTableEdit.RunAsync(dataSource, doing, async (connection, transaction) =>
        {
            await RequireAgentAsync(connection, transaction, id, doing, cancellationToken).ConfigureAwait(false);
            AuditFacts before = await FactsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            await edit(connection, transaction).ConfigureAwait(false);
            AuditFacts after = await FactsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            await AuditLog.WriteAsync(connection, transaction, AuditEntry.Changed(who, Audited, id, before, after), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The agent as the audit log words it: "name 张三; status active; skill groups sales,support".</summary>
    private static async Task<AuditFacts> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<(string Id, string Name, string Status, string[] SkillGroups)>(new CommandDefinition(
            SelectAgents + " where a.id = @id group by a.id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new AuditFacts([("name", row.Name), ("status", row.Status), ("skill groups", AuditFacts.List(row.SkillGroups))]);
    }

    private static async Task RequireAgentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, string doing, CancellationToken cancellationToken)
    {
        // FOR UPDATE: a concurrent remove waits for this edit instead of leaving memberships to a deleted agent.
        int? found = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select 1 from agents where id = @id for update", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (found is null)
        {
            throw new RuleEditException($"{doing}: no such agent");
        }
    }

    private static async Task ReplaceMembershipsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string id,
        IReadOnlyCollection<string> skillGroups,
        string doing,
        CancellationToken cancellationToken)
    {
        await SkillGroupCheck.RequireAsync(connection, transaction, skillGroups, doing, cancellationToken).ConfigureAwait(false);
        // Only the difference is written: links that stay are not deleted and inserted again.
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from agent_skill_groups where agent_id = @id and skill_group_id <> all(@groups)",
            new { id, groups = skillGroups.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await InsertMembershipsAsync(connection, transaction, id, skillGroups, cancellationToken).ConfigureAwait(false);
    }

    private static Task InsertMembershipsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string id,
        IReadOnlyCollection<string> skillGroups,
        CancellationToken cancellationToken) =>
        skillGroups.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                insert into agent_skill_groups (agent_id, skill_group_id)
                select @id, g from unnest(@groups) as g
                on conflict do nothing
                """,
                new { id, groups = skillGroups.ToArray() }, transaction, cancellationToken: cancellationToken));
}
