using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Presence;
using IvrController.Store.Calls;
using IvrController.Switches;
using IvrController.Tests.Cli;
using IvrController.Tests.Presence.Support;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace IvrController.Tests.Hosting;

/// <summary>
/// A call that outlived the previous controller, against a scripted switch and the real call log:
/// its end is recorded even when presence never learns of its agent leg (the switch's
/// <c>show channels</c> lags a leg created just before the rebuild, so no hangup event is tied to it).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UnfinishedCallsTests(PostgresServer postgres) : IAsyncDisposable
{
    private const string NoRows = """{"row_count":0}""";

    // Far from any other test's calls: the watch looks back two days from its start.
    private static readonly DateTimeOffset Start = new(2031, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeSwitch _switch = new();
    private readonly FakeTimeProvider _time = new(Start);
    private NpgsqlDataSource? _database;

    private CancellationToken Timeout => _timeout.Token;

    [Fact]
    public async Task A_call_presence_never_saw_is_recorded_with_its_disposition_once_the_switch_no_longer_has_it()
    {
        _database = NpgsqlDataSource.Create(await CallCentreDatabase.CreateAsync(postgres, "unfinished_calls"));
        var callLog = new CallLog(_database);
        var call = new OutboundCallRecord(Guid.NewGuid(), "1001", "+8613800138000", "+862152810000", "skill_group", "pool", "random among 2", Start.AddMinutes(-1));
        await callLog.RecordOutboundCallAsync(call, Timeout);
        string uuid = call.CallUuid.ToString();

        var client = new InboundClient(new InboundClientOptions { Port = _switch.Port, Password = "watch-test-secret" }, NullLogger<InboundClient>.Instance);
        var presence = new PresenceTracker(client, new PresenceOptions(), NullLogger<PresenceTracker>.Instance, _time);
        var fleet = new SwitchFleet([new FleetSwitch(SwitchSettings.DefaultName, null, client, presence, NullLogger<FleetSwitch>.Instance)]);
        var unfinished = new UnfinishedCalls(callLog, new CallLogRecorder(callLog), fleet, _time, NullLogger<UnfinishedCalls>.Instance);
        var checks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        unfinished.Checked += (_, _) => checks.TrySetResult();

        _ = presence.RunAsync(_stop.Token);
        await unfinished.StartAsync(_stop.Token);
        _ = client.RunAsync(_stop.Token);

        await using FakeSwitchConnection connection = await _switch.AcceptAsync(Timeout);
        await connection.ExpectAsync("auth watch-test-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
        await PresenceSubscription.ResentByTheClientAsync(connection, Timeout);
        await PresenceSubscription.AskedByTheTrackerAsync(connection, Timeout);
        await connection.ExpectAsync("api show registrations as json", FakeSwitchConnection.ApiResponse(NoRows), Timeout);
        // The leg is up, but the core's channel table does not list it yet.
        await connection.ExpectAsync("api show channels as json", FakeSwitchConnection.ApiResponse(NoRows), Timeout);
        await connection.ExpectAsync($"api uuid_exists {uuid}", FakeSwitchConnection.ApiResponse("true"), Timeout);
        await connection.ExpectAsync($"api uuid_getvar {uuid} {ChannelVariables.OriginateDisposition}", FakeSwitchConnection.ApiResponse("SUCCESS"), Timeout);
        await checks.Task.WaitAsync(Timeout);
        Assert.Equal(1, unfinished.Watched);
        Assert.False(presence.IsOnCall("1001"));

        // The agent leg hangs up; presence has no leg for the event, so only the watch can notice.
        await connection.SendAsync(PresenceFixtures.Frame(HangupEvent(uuid)));
        Assert.Equal((null, false), await EndOfAsync(call.CallUuid));

        _time.Advance(UnfinishedCalls.WatchInterval);
        await connection.ExpectAsync($"api uuid_exists {uuid}", FakeSwitchConnection.ApiResponse("false"), Timeout);

        while (await EndOfAsync(call.CallUuid) is (null, _))
        {
            await Task.Delay(20, Timeout);
        }

        Assert.Equal(("SUCCESS", true), await EndOfAsync(call.CallUuid));
        Assert.Equal(0, unfinished.Watched);
        await _stop.CancelAsync();
        await unfinished.StopAsync(CancellationToken.None);
    }

    private static string HangupEvent(string uuid) =>
        $"Event-Name: CHANNEL_HANGUP_COMPLETE\nUnique-ID: {uuid}\nCall-Direction: inbound\nHangup-Cause: NORMAL_CLEARING\n\n";

    private async Task<(string? Disposition, bool Ended)> EndOfAsync(Guid call)
    {
        await using NpgsqlCommand command = _database!.CreateCommand("select disposition, ended_at is not null from outbound_calls where call_uuid = $1");
        command.Parameters.AddWithValue(call);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(Timeout);
        Assert.True(await reader.ReadAsync(Timeout));
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetBoolean(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _switch.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _timeout.Dispose();
    }

    /// <summary>Writes the end straight to the call log, as the journal's replay would.</summary>
    private sealed class CallLogRecorder(CallLog log) : ICallRecorder
    {
        public Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken) => log.RecordOutboundCallAsync(call, cancellationToken);

        public Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken) => log.RecordOutboundCallEndAsync(end, cancellationToken);

        public Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
