using Dapper;
using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using Npgsql;

namespace IvrController.Store.Calls;

/// <summary>
/// The call log: outbound calls (which are the callback memory), survey results and missed
/// callbacks. Writes are idempotent on the call's UUID, so a record replayed after an outage is
/// stored once. Reads for reports return real numbers; callers mask them before display.
/// </summary>
/// <param name="dataSource">The database.</param>
/// <param name="gatherWindow">
/// How long a write may wait for others to share its round trip while writes come thick and fast
/// (<see cref="CallLogGroupCommit"/>); zero, the default, sends each at once.
/// </param>
/// <param name="time">The clock of that window.</param>
public sealed class CallLog(NpgsqlDataSource dataSource, TimeSpan gatherWindow = default, TimeProvider? time = null) : ICallbackMemoryStore
{
    /// <summary>The gathering window of the controller's call log: short beside a call, long beside a round trip.</summary>
    public static readonly TimeSpan ControllerGatherWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest gathering window: a record may wait that long before it is sent.</summary>
    public static readonly TimeSpan LongestGatherWindow = TimeSpan.FromSeconds(1);

    private readonly CallLogGroupCommit _writes = new(dataSource, gatherWindow, time ?? TimeProvider.System);

    /// <summary>How long a write may wait for others while writes come thick and fast; zero: never.</summary>
    public TimeSpan GatherWindow => gatherWindow;

    /// <summary>The same call log writing each record at once: for a writer that waits for each answer before its next write.</summary>
    public CallLog WithoutGathering() => gatherWindow == TimeSpan.Zero ? this : new CallLog(dataSource);

    /// <summary>Stores the start of an outbound call; false when this call was already stored.</summary>
    public async Task<bool> RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        const string sql = """
            insert into outbound_calls (call_uuid, agent_id, customer_number, caller_number, rule, tier, reason, started_at, customer_id, switch_name)
            values (@CallUuid, @AgentId, @CustomerNumber, @CallerNumber, @Rule, @Tier, @Reason, @StartedAt, @CustomerId, @SwitchName)
            on conflict (call_uuid) do nothing
            """;
        return await _writes.ExecuteAsync(new CallLogStatement(
            sql,
            new NpgsqlParameter<Guid>("CallUuid", call.CallUuid),
            new NpgsqlParameter<string>("AgentId", call.AgentId),
            new NpgsqlParameter<string>("CustomerNumber", call.CustomerNumber),
            new NpgsqlParameter<string?>("CallerNumber", call.CallerNumber),
            new NpgsqlParameter<string?>("Rule", call.Rule),
            new NpgsqlParameter<string?>("Tier", call.Tier),
            new NpgsqlParameter<string?>("Reason", call.Reason),
            new NpgsqlParameter<DateTimeOffset>("StartedAt", call.StartedAt.ToUniversalTime()),
            new NpgsqlParameter<string?>("CustomerId", call.CustomerId),
            new NpgsqlParameter<string?>("SwitchName", call.SwitchName)), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Stores how an outbound call ended; false when no such call was stored. The same statement gives
    /// back the call's concurrent slot of its caller number, if it holds one (<see cref="Cluster.CallerNumberSlots"/>):
    /// the end a call writes anyway is its release, also when it is replayed from the journal.
    /// </summary>
    public async Task<bool> RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(end);
        const string sql = """
            with released as (
                delete from caller_number_leases where call_uuid = @CallUuid returning number
            ), freed as (
                update caller_number_slots s set in_use = greatest(s.in_use - 1, 0)
                  from released r
                 where s.number = r.number
            )
            update outbound_calls
               set disposition = @Disposition, answered_at = @AnsweredAt, ended_at = @EndedAt
             where call_uuid = @CallUuid
            """;
        return await _writes.ExecuteAsync(new CallLogStatement(
            sql,
            new NpgsqlParameter<Guid>("CallUuid", end.CallUuid),
            new NpgsqlParameter<string>("Disposition", end.Disposition),
            new NpgsqlParameter<DateTimeOffset?>("AnsweredAt", end.AnsweredAt?.ToUniversalTime()),
            new NpgsqlParameter<DateTimeOffset>("EndedAt", end.EndedAt.ToUniversalTime())), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// The callback memory: the latest outbound call to <paramref name="customer"/> since
    /// <paramref name="since"/> that presented one of our numbers (one probe of the
    /// (customer_number, started_at desc) index).
    /// </summary>
    public async Task<LastOutboundCall?> FindLastOutboundCallAsync(PhoneNumber customer, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        const string sql = """
            select agent_id as AgentId, caller_number as CallerNumber, started_at as StartedAt
              from outbound_calls
             where customer_number = @Customer and started_at >= @Since and caller_number is not null
             order by started_at desc
             limit 1
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<LastCallRow>(new CommandDefinition(
            sql, new { Customer = customer.E164, Since = since.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null || !ChineseNumberNormalizer.Default.TryNormalize(row.CallerNumber, out PhoneNumber? callerNumber, out _))
        {
            return null;
        }

        return new LastOutboundCall(row.AgentId, customer, callerNumber, new DateTimeOffset(DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc)));
    }

    /// <summary>
    /// The latest outbound call to each customer since <paramref name="since"/> that presented one of
    /// our numbers: what the controller's in-memory callback memory starts from.
    /// </summary>
    public async Task<IReadOnlyList<LastOutboundCall>> LatestOutboundCallPerCustomerSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = """
            select distinct on (customer_number)
                   agent_id as AgentId, customer_number as CustomerNumber, caller_number as CallerNumber, started_at as StartedAt
              from outbound_calls
             where started_at >= @Since and caller_number is not null
             order by customer_number, started_at desc
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CustomerCallRow>(new CommandDefinition(sql, new { Since = since.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var calls = new List<LastOutboundCall>();
        foreach (CustomerCallRow row in rows)
        {
            if (ChineseNumberNormalizer.Default.TryNormalize(row.CustomerNumber, out PhoneNumber? customer, out _)
                && ChineseNumberNormalizer.Default.TryNormalize(row.CallerNumber, out PhoneNumber? callerNumber, out _))
            {
                calls.Add(new LastOutboundCall(row.AgentId, customer, callerNumber, new DateTimeOffset(DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc))));
            }
        }

        return calls;
    }

    /// <summary>
    /// Outbound calls started between <paramref name="since"/> and <paramref name="before"/> whose end
    /// was never recorded: calls a controller stopped watching (it was killed or restarted mid-call).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> OpenOutboundCallsAsync(DateTimeOffset since, DateTimeOffset before, CancellationToken cancellationToken)
    {
        const string sql = """
            select call_uuid from outbound_calls
             where ended_at is null and started_at >= @Since and started_at < @Before
             order by started_at
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Guid>(new CommandDefinition(
            sql, new { Since = since.ToUniversalTime(), Before = before.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Stores a survey result; false when this call's survey was already stored.</summary>
    public async Task<bool> RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        const string sql = """
            insert into survey_results (call_uuid, template_id, digit, label, score, outcome, agent_id, customer_number, started_at, answered_at)
            values (@CallUuid, @TemplateId, @Digit, @Label, @Score, @Outcome, @AgentId, @CustomerNumber, @StartedAt, @AnsweredAt)
            on conflict (call_uuid, template_id) do nothing
            """;
        return await _writes.ExecuteAsync(new CallLogStatement(
            sql,
            new NpgsqlParameter<Guid>("CallUuid", result.CallUuid),
            new NpgsqlParameter<int>("TemplateId", result.TemplateId),
            new NpgsqlParameter<string?>("Digit", result.Digit?.ToString()),
            new NpgsqlParameter<string?>("Label", result.Label),
            new NpgsqlParameter<int?>("Score", result.Score),
            new NpgsqlParameter<string>("Outcome", result.Outcome),
            new NpgsqlParameter<string?>("AgentId", result.AgentId),
            new NpgsqlParameter<string>("CustomerNumber", result.CustomerNumber),
            new NpgsqlParameter<DateTimeOffset>("StartedAt", result.StartedAt.ToUniversalTime()),
            new NpgsqlParameter<DateTimeOffset?>("AnsweredAt", result.AnsweredAt?.ToUniversalTime())), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(missed);
        const string sql = """
            insert into missed_callbacks (agent_id, customer_number, called_number, at)
            values (@AgentId, @CustomerNumber, @CalledNumber, @At)
            """;
        await _writes.ExecuteAsync(new CallLogStatement(sql, MissedCallbackParameters(missed)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a missed callback under <paramref name="recordId"/>; false when a record with this id
    /// was already stored, so a replayed write counts once.
    /// </summary>
    public async Task<bool> RecordMissedCallbackAsync(MissedCallbackRecord missed, Guid recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(missed);
        const string sql = """
            insert into missed_callbacks (agent_id, customer_number, called_number, at, record_id)
            values (@AgentId, @CustomerNumber, @CalledNumber, @At, @RecordId)
            on conflict (record_id) do nothing
            """;
        return await _writes.ExecuteAsync(
            new CallLogStatement(sql, [.. MissedCallbackParameters(missed), new NpgsqlParameter<Guid>("RecordId", recordId)]), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Stores a customer's call to one of our numbers, as it ended; false when this call was already stored.</summary>
    public async Task<bool> RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        const string sql = """
            insert into inbound_calls (call_uuid, customer_number, called_number, route, remembered_agent, agent_id, outcome, started_at, ended_at, switch_name)
            values (@CallUuid, @CustomerNumber, @CalledNumber, @Route, @RememberedAgent, @AgentId, @Outcome, @StartedAt, @EndedAt, @SwitchName)
            on conflict (call_uuid) do nothing
            """;
        return await _writes.ExecuteAsync(new CallLogStatement(
            sql,
            new NpgsqlParameter<Guid>("CallUuid", call.CallUuid),
            new NpgsqlParameter<string>("CustomerNumber", call.CustomerNumber),
            new NpgsqlParameter<string>("CalledNumber", call.CalledNumber),
            new NpgsqlParameter<string>("Route", call.Route),
            new NpgsqlParameter<string?>("RememberedAgent", call.RememberedAgent),
            new NpgsqlParameter<string?>("AgentId", call.AgentId),
            new NpgsqlParameter<string>("Outcome", call.Outcome),
            new NpgsqlParameter<DateTimeOffset>("StartedAt", call.StartedAt.ToUniversalTime()),
            new NpgsqlParameter<DateTimeOffset>("EndedAt", call.EndedAt.ToUniversalTime()),
            new NpgsqlParameter<string?>("SwitchName", call.SwitchName)), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Outbound calls placed with each of our numbers since <paramref name="since"/> (start of today), by E.164.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CallsPerCallerNumberSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = """
            select caller_number as Number, count(*)::int as Calls
              from outbound_calls
             where started_at >= @Since and caller_number is not null
             group by caller_number
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Number, int Calls)>(new CommandDefinition(sql, new { Since = since.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Number, r => r.Calls, StringComparer.Ordinal);
    }

    /// <summary>Survey results since <paramref name="since"/>, newest first, optionally of one agent.</summary>
    public async Task<IReadOnlyList<SurveyReportRow>> SurveyResultsAsync(DateTimeOffset since, string? agentId, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.call_uuid as CallUuid, t.name as TemplateName, r.outcome as Outcome, r.digit as Digit, r.label as Label,
                   r.score as Score, r.agent_id as AgentId, r.customer_number as CustomerNumber, r.started_at as StartedAt
              from survey_results r join survey_templates t on t.id = r.template_id
             where r.started_at >= @Since and (@AgentId::text is null or r.agent_id = @AgentId)
             order by r.started_at desc, r.id desc
             limit @Limit
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SurveyReportRow>(new CommandDefinition(
            sql, new { Since = since.ToUniversalTime(), AgentId = agentId, Limit = limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    private static NpgsqlParameter[] MissedCallbackParameters(MissedCallbackRecord missed) =>
    [
        new NpgsqlParameter<string>("AgentId", missed.AgentId),
        new NpgsqlParameter<string>("CustomerNumber", missed.CustomerNumber),
        new NpgsqlParameter<string>("CalledNumber", missed.CalledNumber),
        new NpgsqlParameter<DateTimeOffset>("At", missed.At.ToUniversalTime()),
    ];

    private sealed record LastCallRow(string AgentId, string CallerNumber, DateTime StartedAt);

    private sealed record CustomerCallRow(string AgentId, string CustomerNumber, string CallerNumber, DateTime StartedAt);
}
