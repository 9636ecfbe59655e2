using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using Npgsql;
using Xunit;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

public sealed partial class AcceptanceTests
{
    [RealSwitchFact]
    public Task A_busy_call_log_gathers_its_writes_and_stores_every_calls_row_end_and_rating() => PlayAsync(async scene =>
    {
        Assert.True(Environment.IsPrivilegedProcess,
            "sipp sends the customer's DTMF (survey-digit-1.pcap) through a raw socket: run the suite as root, or give sipp the capability: setcap cap_net_raw+ep \"$(command -v sipp)\"");
        const int Calls = 6;
        TimeSpan runFor = TimeSpan.FromSeconds(60);
        // A one-second window: three writes in a second make the call log busy (at 50 ms, the default, that takes
        // about 20 calls a second). Six calls at three a second write nine records a second: their starts, their ends
        // and their ratings.
        await deployment.WithControllerSettingsAsync(["--Database:CallLogGatherWindow=00:00:01"], async () =>
        {
            DateTimeOffset since = DateTimeOffset.UtcNow;
            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenRates1, TimeSpan.Zero)
                with { Calls = Calls, MaxConcurrent = Calls, Timeout = runFor });
            SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenHangsUp, Agent, AgentPassword, Customer, Talk)
                with { Calls = Calls, CallsPerSecond = 3, MaxConcurrent = Calls, Timeout = runFor });
            await scene.SucceedsAsync(agent);
            await scene.SucceedsAsync(pstn);

            (int Rows, int Ended, int Rated, int Transactions) stored = default;
            await Polling.UntilAsync(
                async () => (stored = await StoredSinceAsync(since)) is { Rows: Calls, Ended: Calls, Rated: Calls },
                $"{Calls} calls with their ends and ratings in the call log", TimeSpan.FromSeconds(30));
            // An outbound call's row carries the transaction of its end (an update), a rating that of its insert: twelve
            // writes, fewer transactions.
            Assert.True(stored.Transactions < stored.Rows + stored.Rated,
                $"{stored.Rows + stored.Rated} call log rows came from {stored.Transactions} transactions: no write shared one");
        });

        async Task<(int Rows, int Ended, int Rated, int Transactions)> StoredSinceAsync(DateTimeOffset since)
        {
            await using var connection = new NpgsqlConnection(deployment.Database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                with calls as (
                    select call_uuid, ended_at, xmin::text as tx from outbound_calls where agent_id = @agent and started_at >= @since
                ), ratings as (
                    select r.xmin::text as tx from survey_results r join calls c using (call_uuid) where r.outcome = 'rated'
                )
                select (select count(*) from calls)::int, (select count(ended_at) from calls)::int, (select count(*) from ratings)::int,
                       (select count(distinct tx) from (select tx from calls union all select tx from ratings) t)::int
                """, connection);
            command.Parameters.AddWithValue("agent", Agent);
            command.Parameters.AddWithValue("since", since.AddSeconds(-1));
            await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
            await row.ReadAsync();
            return (row.GetInt32(0), row.GetInt32(1), row.GetInt32(2), row.GetInt32(3));
        }
    });
}
