using Dapper;
using Npgsql;

namespace IvrController.Store.Calls;

/// <summary>
/// What the console's reports read from the call log: every call (outbound and inbound), survey results
/// with their follow-up state, missed callbacks. Numbers come back real, with the customer's ID beside them:
/// for an outbound call the ID its agent saw, else the customer_ids table's, else (an ID from a CRM lookup) the
/// one our latest call to that customer was made with. Whoever shows them masks the numbers.
/// </summary>
public sealed class CallReports(NpgsqlDataSource dataSource)
{
    /// <summary>A rating at or below this score asks for a supervisor's follow-up.</summary>
    public const int LowScore = 2;

    /// <summary>Calls started in [from, to), newest first; <paramref name="kind"/> outbound, callback, ivr, inbound (callback and ivr) or null for all.</summary>
    public async Task<IReadOnlyList<CallHistoryRow>> CallsAsync(
        DateTimeOffset from, DateTimeOffset to, string? kind, string? agentId, int limit, CancellationToken cancellationToken)
    {
        string sql = $$"""
            select * from (
                select o.call_uuid as CallUuid, 'outbound' as Kind, o.agent_id as AgentId, o.customer_number as CustomerNumber,
                       coalesce(o.customer_id, c.customer_id) as CustomerId, o.caller_number as OurNumber, o.tier as Tier, o.disposition as Outcome,
                       o.started_at as StartedAt, o.ended_at as EndedAt, o.switch_name as SwitchName
                  from outbound_calls o left join customer_ids c on c.number = o.customer_number
                 where o.started_at >= @From and o.started_at < @To
                union all
                select i.call_uuid, i.route, coalesce(i.agent_id, i.remembered_agent), i.customer_number,
                       coalesce(c.customer_id, ({{SeenBy("i")}})), i.called_number, null, i.outcome, i.started_at, i.ended_at, i.switch_name
                  from inbound_calls i left join customer_ids c on c.number = i.customer_number
                 where i.started_at >= @From and i.started_at < @To
            ) calls
             where (@Kind::text is null or Kind = @Kind or (@Kind = 'inbound' and Kind <> 'outbound')) and (@AgentId::text is null or AgentId = @AgentId)
             order by StartedAt desc, CallUuid
             limit @Limit
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CallHistoryRow>(new CommandDefinition(
            sql, new { From = from.ToUniversalTime(), To = to.ToUniversalTime(), Kind = kind, AgentId = agentId, Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Survey results started in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<SurveyHistoryRow>> SurveysAsync(
        DateTimeOffset from, DateTimeOffset to, string? agentId, int limit, CancellationToken cancellationToken)
    {
        string sql = $$"""
            select r.id as Id, r.call_uuid as CallUuid, t.name as TemplateName, r.outcome as Outcome, r.digit as Digit, r.label as Label,
                   r.score as Score, r.agent_id as AgentId, r.customer_number as CustomerNumber, coalesce(c.customer_id, ({{SeenBy("r")}})) as CustomerId,
                   r.started_at as StartedAt,
                   coalesce(r.outcome = 'rated' and (r.score <= @LowScore
                        or r.score = (select min(k.score) from survey_keys k where k.template_id = r.template_id)), false) as NeedsFollowUp,
                   r.follow_up_done_by as FollowUpDoneBy, r.follow_up_done_at as FollowUpDoneAt
              from survey_results r
              join survey_templates t on t.id = r.template_id
              left join customer_ids c on c.number = r.customer_number
             where r.started_at >= @From and r.started_at < @To and (@AgentId::text is null or r.agent_id = @AgentId)
             order by r.started_at desc, r.id desc
             limit @Limit
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SurveyHistoryRow>(new CommandDefinition(
            sql, new { From = from.ToUniversalTime(), To = to.ToUniversalTime(), AgentId = agentId, Limit = limit, LowScore },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Missed callbacks in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<MissedCallbackRow>> MissedCallbacksAsync(
        DateTimeOffset from, DateTimeOffset to, string? agentId, int limit, CancellationToken cancellationToken)
    {
        string sql = $$"""
            select m.id as Id, m.agent_id as AgentId, m.customer_number as CustomerNumber, coalesce(c.customer_id, ({{SeenBy("m")}})) as CustomerId,
                   m.called_number as CalledNumber, m.at as At
              from missed_callbacks m left join customer_ids c on c.number = m.customer_number
             where m.at >= @From and m.at < @To and (@AgentId::text is null or m.agent_id = @AgentId)
             order by m.at desc, m.id desc
             limit @Limit
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<MissedCallbackRow>(new CommandDefinition(
            sql, new { From = from.ToUniversalTime(), To = to.ToUniversalTime(), AgentId = agentId, Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>One missed callback, or null when there is none with this id.</summary>
    public async Task<MissedCallbackRow?> MissedCallbackAsync(long id, CancellationToken cancellationToken)
    {
        string sql = $$"""
            select m.id as Id, m.agent_id as AgentId, m.customer_number as CustomerNumber, coalesce(c.customer_id, ({{SeenBy("m")}})) as CustomerId,
                   m.called_number as CalledNumber, m.at as At
              from missed_callbacks m left join customer_ids c on c.number = m.customer_number
             where m.id = @Id
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<MissedCallbackRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The customer ID our latest outbound call to the number in <paramref name="table"/>.customer_number was made with.</summary>
    private static string SeenBy(string table) => $"""
        select s.customer_id from outbound_calls s
         where s.customer_number = {table}.customer_number and s.customer_id is not null
         order by s.started_at desc limit 1
        """;
}
