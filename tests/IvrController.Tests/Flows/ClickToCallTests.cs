using System.Text;
using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;
using IvrController.Rules.Settings;
using IvrController.Rules.Snapshots;
using IvrController.Tests.Presence.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Tests.Flows;

/// <summary>Click-to-call against a fake switch on port 0: the exact originate, and both answers the switch can give.</summary>
public sealed class ClickToCallTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    private static RuleSnapshot Rules(bool agentOffline = false, bool numberEnabled = true) => new(
        3, DateTimeOffset.UnixEpoch, new RuleSettings(),
        [new Agent { Id = "1001", Name = "张三", Status = agentOffline ? AgentStatus.OfflineByAdmin : AgentStatus.Active }],
        [],
        [new CallerNumber { Number = ChineseNumberNormalizer.Default.Normalize("02152810000"), Enabled = numberEnabled }],
        RegionPrefixTable.Empty, [], [], null);

    private static readonly FlowOptions Options = new() { AgentRingTimeout = TimeSpan.FromSeconds(30), CustomerRingTimeout = TimeSpan.FromSeconds(45) };

    private static string ExpectedOriginate(string leg) =>
        $"bgapi originate {{origination_uuid={leg},ivr_entry=click_to_call,ivr_agent_id=1001,ivr_click_to_call=+8613800138000," +
        "origination_caller_id_number=138****8000,origination_caller_id_name=138****8000,originate_timeout=30}" +
        "user/1001@127.0.0.1 '&socket(127.0.0.1:8084 async full)'";

    [Theory]
    [InlineData("-ERR USER_NOT_REGISTERED\n", "USER_NOT_REGISTERED")]
    [InlineData("-ERR NO_ANSWER\n", "NO_ANSWER")]
    public async Task An_agent_phone_that_does_not_answer_is_reported_with_the_cause_and_the_customer_is_never_called(string jobBody, string cause)
    {
        await using var call = await ClickToCallRig.StartAsync();
        await call.AnswerJobAsync(jobBody);

        ClickToCallReport report = await call.Report;

        Assert.Equal(ExpectedOriginate(call.AgentLeg), call.Originate);
        Assert.Equal((false, cause), (report.Agent.Reached, report.Agent.Cause));
        Assert.Null(report.Customer);
        Assert.False(report.CustomerReached);
        Assert.Empty(call.Progress);
    }

    [Fact]
    public async Task The_agent_leg_is_originated_masked_quoted_whole_and_followed_until_the_customer_answers()
    {
        await using var call = await ClickToCallRig.StartAsync();
        await call.AnswerJobAsync($"+OK {call.AgentLeg}\n");
        await call.SendLegEventAsync("CHANNEL_EXECUTE", "Application: bridge");
        // Another call's bridge is not ours, whatever the filter let through.
        await call.SendEventAsync(Guid.NewGuid().ToString(), "CHANNEL_BRIDGE");
        await call.SendLegEventAsync("CHANNEL_BRIDGE");

        ClickToCallReport report = await call.Report;

        Assert.Equal(ExpectedOriginate(call.AgentLeg), call.Originate);
        Assert.Equal(call.AgentLeg, report.AgentLegUuid.ToString());
        Assert.True(report.Agent.Reached);
        Assert.Equal("agent 1001 answered; calling 138****8000", Assert.Single(call.Progress).Detail);
        Assert.True(report.CustomerReached);
        Assert.Contains("138****8000 answered", report.Customer!.Detail, StringComparison.Ordinal);
        // Only this leg's events and the job's result were asked for, before the originate.
        Assert.Equal([$"filter Unique-ID {call.AgentLeg}", "filter Event-Name BACKGROUND_JOB",
            "event plain BACKGROUND_JOB CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_BRIDGE CHANNEL_HANGUP_COMPLETE"], call.SetUp);
    }

    [Theory]
    // The controller rang the customer, who did not answer: the bridge's disposition.
    [InlineData("bridge", "CHANNEL_EXECUTE_COMPLETE", "Application: bridge\nApplication-Response: NO_ANSWER\nvariable_originate_disposition: NO_ANSWER",
        "NO_ANSWER", "138****8000 was not reached: NO_ANSWER")]
    // No bridge ever ran on the leg: the controller refused it (or none took it).
    [InlineData("socket", "CHANNEL_HANGUP_COMPLETE", "Hangup-Cause: CALL_REJECTED", "CALL_REJECTED", "138****8000 was never called")]
    // The agent gave up while the customer's phone rang.
    [InlineData("bridge", "CHANNEL_HANGUP_COMPLETE", "Hangup-Cause: NORMAL_CLEARING", "NORMAL_CLEARING", "the agent hung up (NORMAL_CLEARING) before 138****8000 answered")]
    public async Task A_customer_leg_that_never_answered_is_reported_with_what_the_switch_said(
        string application, string ending, string endingHeaders, string cause, string detail)
    {
        await using var call = await ClickToCallRig.StartAsync();
        await call.AnswerJobAsync($"+OK {call.AgentLeg}\n");
        await call.SendLegEventAsync("CHANNEL_EXECUTE", $"Application: {application}");
        await call.SendLegEventAsync(ending, endingHeaders);

        ClickToCallReport report = await call.Report;

        Assert.True(report.Agent.Reached);
        Assert.False(report.CustomerReached);
        Assert.Equal(cause, report.Customer!.Cause);
        Assert.StartsWith(detail, report.Customer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_originate_names_the_configured_domain_and_ring_time_and_refuses_a_socket_that_would_split()
    {
        var plan = await OutboundPlanner.PlanAsync(Rules(), "1001", "13800138000", CallerNumberUsage.None, new Random(1), null, CancellationToken.None);
        var leg = Guid.NewGuid();
        var clickToCall = new ClickToCall(new FlowOptions { AgentDomain = "pbx.example", AgentRingTimeout = TimeSpan.FromSeconds(25) });

        string command = clickToCall.OriginateCommand(plan, leg, "10.0.0.7:8084");

        Assert.Equal(
            ExpectedOriginate(leg.ToString())["bgapi ".Length..].Replace("originate_timeout=30}user/1001@127.0.0.1 '&socket(127.0.0.1:8084", "originate_timeout=25}user/1001@pbx.example '&socket(10.0.0.7:8084", StringComparison.Ordinal),
            command);
        Assert.Throws<ArgumentException>(() => clickToCall.OriginateCommand(plan, leg, "10.0.0.7:8084 async"));
    }

    [Theory]
    [InlineData("9999", false, true, "agent '9999' is not in the agents table")]
    [InlineData("1001", true, true, "agent 1001 is set offline")]
    [InlineData("1001", false, false, "no caller number available")]
    public async Task A_call_the_controller_would_refuse_is_refused_before_any_phone_rings(string agent, bool offline, bool numberEnabled, string why)
    {
        using var fakeSwitch = new FakeSwitch();
        await using var client = new InboundClient(new InboundClientOptions { Port = fakeSwitch.Port, Password = "a-long-secret" }, NullLogger<InboundClient>.Instance);

        var error = await Assert.ThrowsAsync<RoutingException>(() => new ClickToCall(Options).StartAsync(
            client, Rules(offline, numberEnabled), agent, "13800138000", null, "127.0.0.1:8084", null, Timeout));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    private static string BackgroundJob(string jobUuid, string body)
    {
        string eventBody = $"Event-Name: BACKGROUND_JOB\nJob-UUID: {jobUuid}\nJob-Command: originate\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}";
        return $"Content-Length: {Encoding.UTF8.GetByteCount(eventBody)}\nContent-Type: text/event-plain\n\n{eventBody}";
    }

    /// <summary>ivrctl call's side against a fake switch: the set-up commands and the originate read, the report awaited.</summary>
    private sealed class ClickToCallRig : IAsyncDisposable
    {
        private FakeSwitch _switch = null!;
        private InboundClient _client = null!;
        private FakeSwitchConnection _connection = null!;
        private string _jobUuid = "";

        public Task<ClickToCallReport> Report { get; private set; } = null!;

        public List<string> SetUp { get; } = [];

        public List<ClickToCallLeg> Progress { get; } = [];

        public string Originate { get; private set; } = "";

        public string AgentLeg { get; private set; } = "";

        public static async Task<ClickToCallRig> StartAsync()
        {
            var rig = new ClickToCallRig { _switch = new FakeSwitch() };
            rig._client = new InboundClient(new InboundClientOptions { Port = rig._switch.Port, Password = "a-long-secret" }, NullLogger<InboundClient>.Instance);
            rig.Report = Task.Run(async () =>
            {
                await rig._client.ConnectAsync(Timeout);
                return await new ClickToCall(Options).StartAsync(
                    rig._client, Rules(), "1001", "138 0013 8000", null, "127.0.0.1:8084", rig.Progress.Add, Timeout);
            }).WaitAsync(TimeSpan.FromSeconds(15));

            rig._connection = await rig._switch.AcceptAsync(Timeout);
            await rig._connection.SendAsync("Content-Type: auth/request\n\n");
            await rig._connection.ExpectAsync("auth a-long-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
            for (int i = 0; i < 3; i++)
            {
                rig.SetUp.Add((await rig._connection.ReadCommandTextAsync(Timeout)).Split('\n')[0]);
                await rig._connection.SendAsync(FakeSwitchConnection.CommandReply("+OK"));
            }

            string[] originate = (await rig._connection.ReadCommandTextAsync(Timeout)).Split('\n');
            rig.Originate = originate[0];
            rig._jobUuid = originate.Single(l => l.StartsWith("Job-UUID: ", StringComparison.Ordinal))["Job-UUID: ".Length..];
            rig.AgentLeg = System.Text.RegularExpressions.Regex.Match(rig.Originate, "origination_uuid=([0-9a-f-]{36})").Groups[1].Value;
            await rig._connection.SendAsync(FakeSwitchConnection.CommandReply($"+OK Job-UUID: {rig._jobUuid}")[..^1] + $"Job-UUID: {rig._jobUuid}\n\n");
            return rig;
        }

        public Task AnswerJobAsync(string body) => _connection.SendAsync(BackgroundJob(_jobUuid, body));

        public Task SendLegEventAsync(string name, string headers = "") => SendEventAsync(AgentLeg, name, headers);

        public Task SendEventAsync(string uniqueId, string name, string headers = "")
        {
            string body = $"Event-Name: {name}\nUnique-ID: {uniqueId}\n{(headers.Length > 0 ? headers + "\n" : "")}";
            return _connection.SendAsync(PresenceFixtures.Frame(body));
        }

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
            await _client.DisposeAsync();
            _switch.Dispose();
        }
    }
}
