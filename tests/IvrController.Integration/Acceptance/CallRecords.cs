using IvrController.Store.Calls;
using Npgsql;

namespace IvrController.Integration.Acceptance;

/// <summary>What the controller wrote about calls, read back from the suite's database.</summary>
public static class CallRecords
{
    public sealed record OutboundCall(Guid CallUuid, string AgentId, string CustomerNumber, string? CallerNumber, string? SwitchName);

    public sealed record SurveyResult(string Outcome, string? Digit, string? Label, int? Score, string? AgentId, string CustomerNumber);

    /// <summary>
    /// The agent's latest outbound call since <paramref name="since"/>; fails when there is none within 10 s (a record
    /// written while the database recovers from an outage goes through the journal and lands a moment later).
    /// </summary>
    public static async Task<OutboundCall> LatestOutboundCallAsync(string database, string agentId, DateTimeOffset since)
    {
        OutboundCall? latest = null;
        await Polling.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    """
                    select call_uuid, agent_id, customer_number, caller_number, switch_name from outbound_calls
                    where agent_id = @agent and started_at >= @since order by started_at desc limit 1
                    """, connection);
                command.Parameters.AddWithValue("agent", agentId);
                command.Parameters.AddWithValue("since", since.AddSeconds(-1));
                await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
                latest = await row.ReadAsync() ? ReadOutboundCall(row) : null;
                return latest is not null;
            },
            $"the controller to record an outbound call of agent {agentId} since {since:HH:mm:ss}", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250));
        return latest!;
    }

    /// <summary>
    /// The latest customer call since <paramref name="since"/> as route|remembered agent|answering agent|outcome|switch
    /// ("-" for none), or "no inbound_calls row". The row is written as the call ends, just after the phones are done,
    /// so it is asked for a few seconds.
    /// </summary>
    public static async Task<string> LatestInboundCallAsync(string database, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        for (int attempt = 0; attempt < 50; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "select route || '|' || coalesce(remembered_agent, '-') || '|' || coalesce(agent_id, '-') || '|' || outcome || '|' || coalesce(switch_name, '-') from inbound_calls where started_at >= @since order by started_at desc limit 1",
                connection);
            command.Parameters.AddWithValue("since", since);
            if (await command.ExecuteScalarAsync() is string row)
            {
                return row;
            }

            await Task.Delay(100);
        }

        return "no inbound_calls row";
    }

    /// <summary>Every outbound call since <paramref name="since"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboundCall>> OutboundCallsAsync(string database, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select call_uuid, agent_id, customer_number, caller_number, switch_name from outbound_calls where started_at >= @since order by started_at",
            connection);
        command.Parameters.AddWithValue("since", since.AddSeconds(-1));
        await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
        var calls = new List<OutboundCall>();
        while (await row.ReadAsync())
        {
            calls.Add(ReadOutboundCall(row));
        }

        return calls;
    }

    public static async Task<IReadOnlyList<SurveyResult>> SurveyResultsAsync(string database, Guid callUuid)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select outcome, digit, label, score, agent_id, customer_number from survey_results where call_uuid = @call", connection);
        command.Parameters.AddWithValue("call", callUuid);
        await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
        var results = new List<SurveyResult>();
        while (await row.ReadAsync())
        {
            results.Add(new SurveyResult(
                row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2),
                row.IsDBNull(3) ? null : row.GetInt32(3), row.IsDBNull(4) ? null : row.GetString(4), row.GetString(5)));
        }

        return results;
    }

    /// <summary>
    /// Waits until <paramref name="countSql"/> (a <c>select count(*)</c> with <c>@call</c>) counts at
    /// least one row: for records the controller writes later (replayed after an outage, closed after a
    /// restart). The database has no signal to wait on, so it is asked every quarter second.
    /// </summary>
    public static Task WaitForRowAsync(string database, string countSql, Guid callUuid, string what, TimeSpan timeout) =>
        Polling.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(countSql, connection);
                command.Parameters.AddWithValue("call", callUuid);
                return (long)(await command.ExecuteScalarAsync())! > 0;
            },
            $"the database to show {what} for call {callUuid}", timeout, TimeSpan.FromMilliseconds(250));

    /// <summary>The call's disposition and whether its end is recorded.</summary>
    public static async Task<(string? Disposition, bool Ended)> EndOfAsync(string database, Guid callUuid)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select disposition, ended_at is not null from outbound_calls where call_uuid = @call", connection);
        command.Parameters.AddWithValue("call", callUuid);
        await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
        return await row.ReadAsync() ? (row.IsDBNull(0) ? null : row.GetString(0), row.GetBoolean(1)) : (null, false);
    }

    /// <summary>
    /// Gives the customer callback memory of the agent, as a call a minute ago would have: for tests
    /// about what happens when the remembered agent cannot take the callback.
    /// </summary>
    public static async Task RememberCallAsync(string database, string agentId, string customerE164, string callerE164)
    {
        await using NpgsqlDataSource source = NpgsqlDataSource.Create(database);
        await new CallLog(source).RecordOutboundCallAsync(
            new OutboundCallRecord(Guid.NewGuid(), agentId, customerE164, callerE164, "skill_group", null, "remembered by the acceptance suite", DateTimeOffset.UtcNow.AddMinutes(-1)),
            CancellationToken.None);
    }

    private static OutboundCall ReadOutboundCall(NpgsqlDataReader row) =>
        new(row.GetGuid(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3), row.IsDBNull(4) ? null : row.GetString(4));
}
