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

    private const string ExpectedOriginate =
        "bgapi originate {ivr_entry=click_to_call,ivr_agent_id=1001,ivr_click_to_call=+8613800138000," +
        "origination_caller_id_number=138****8000,origination_caller_id_name=138****8000,originate_timeout=30}" +
        "user/1001@127.0.0.1 &socket(127.0.0.1:8084 async full)";

    [Theory]
    [InlineData("+OK 7f4de4bc-17d7-11ee-a2d5-3b0ac9a1f001\n", true, "agent 1001 answered; calling 138****8000")]
    [InlineData("-ERR USER_NOT_REGISTERED\n", false, "USER_NOT_REGISTERED")]
    [InlineData("-ERR NO_ANSWER\n", false, "NO_ANSWER")]
    public async Task The_agent_leg_is_originated_masked_and_handed_to_the_controller(string jobBody, bool answered, string detail)
    {
        using var fakeSwitch = new FakeSwitch();
        await using var client = new InboundClient(new InboundClientOptions { Port = fakeSwitch.Port, Password = "a-long-secret" }, NullLogger<InboundClient>.Instance);
        Task<ClickToCall.Result> calling = Task.Run(async () =>
        {
            await client.ConnectAsync(Timeout);
            return await new ClickToCall(new FlowOptions()).StartAsync(
                client, Rules(), "1001", "138 0013 8000", null, "127.0.0.1:8084", TimeSpan.FromSeconds(30), Timeout);
        });

        await using FakeSwitchConnection connection = await fakeSwitch.AcceptAsync(Timeout);
        await connection.SendAsync("Content-Type: auth/request\n\n");
        await connection.ExpectAsync("auth a-long-secret", FakeSwitchConnection.CommandReply("+OK accepted"), Timeout);
        await connection.ExpectAsync("event plain BACKGROUND_JOB", FakeSwitchConnection.CommandReply("+OK event listener enabled plain"), Timeout);
        string[] originate = (await connection.ReadCommandTextAsync(Timeout)).Split('\n');
        string jobUuid = originate.Single(l => l.StartsWith("Job-UUID: ", StringComparison.Ordinal))["Job-UUID: ".Length..];
        await connection.SendAsync(FakeSwitchConnection.CommandReply($"+OK Job-UUID: {jobUuid}") [..^1] + $"Job-UUID: {jobUuid}\n\n");
        await connection.SendAsync(BackgroundJob(jobUuid, jobBody));
        ClickToCall.Result result = await calling.WaitAsync(Timeout);

        Assert.Equal(ExpectedOriginate, originate[0]);
        Assert.Equal((answered, detail), (result.Answered, result.Detail));
        Assert.Equal(answered ? "7f4de4bc-17d7-11ee-a2d5-3b0ac9a1f001" : null, result.AgentLegUuid);
    }

    [Fact]
    public async Task The_originate_names_the_configured_domain_and_ring_time()
    {
        var plan = await OutboundPlanner.PlanAsync(Rules(), "1001", "13800138000", CallerNumberUsage.None, new Random(1), null, CancellationToken.None);

        string command = new ClickToCall(new FlowOptions { AgentDomain = "pbx.example" }).OriginateCommand(plan, "10.0.0.7:8084", TimeSpan.FromSeconds(25));

        Assert.Equal(
            ExpectedOriginate["bgapi ".Length..].Replace("originate_timeout=30}user/1001@127.0.0.1 &socket(127.0.0.1:8084", "originate_timeout=25}user/1001@pbx.example &socket(10.0.0.7:8084", StringComparison.Ordinal),
            command);
    }

    [Theory]
    [InlineData("9999", false, true, "agent '9999' is not in the agents table")]
    [InlineData("1001", true, true, "agent 1001 is set offline")]
    [InlineData("1001", false, false, "no caller number available")]
    public async Task A_call_the_controller_would_refuse_is_refused_before_any_phone_rings(string agent, bool offline, bool numberEnabled, string why)
    {
        using var fakeSwitch = new FakeSwitch();
        await using var client = new InboundClient(new InboundClientOptions { Port = fakeSwitch.Port, Password = "a-long-secret" }, NullLogger<InboundClient>.Instance);

        var error = await Assert.ThrowsAsync<RoutingException>(() => new ClickToCall(new FlowOptions()).StartAsync(
            client, Rules(offline, numberEnabled), agent, "13800138000", null, "127.0.0.1:8084", TimeSpan.FromSeconds(30), Timeout));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    private static string BackgroundJob(string jobUuid, string body)
    {
        string eventBody = $"Event-Name: BACKGROUND_JOB\nJob-UUID: {jobUuid}\nJob-Command: originate\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}";
        return $"Content-Length: {Encoding.UTF8.GetByteCount(eventBody)}\nContent-Type: text/event-plain\n\n{eventBody}";
    }
}
