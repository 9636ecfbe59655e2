using System.Net;
using System.Net.Sockets;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.FakeSwitch;
using Xunit;

namespace IvrController.Flows.Tests.SupportTests;

/// <summary>What the script does not cover fails the test at once, with the reason, instead of hanging.</summary>
public sealed class LoudFailureTests
{
    [Fact]
    public async Task A_scripted_api_command_gets_its_response_body()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback()
            .OnApi("sofia_contact", command => command.EndsWith("1001@127.0.0.1", StringComparison.Ordinal) ? "error/user_not_registered" : "sofia/agents/sip:1002@10.0.0.5");

        string body = await FlowCall.RunAsync(flowSwitch, async (session, ct) => (await session.ApiAsync("sofia_contact 1001@127.0.0.1", ct)).Text);

        Assert.Equal("error/user_not_registered", body);
        Assert.Equal("api sofia_contact 1001@127.0.0.1", flowSwitch.Received.Single(c => c.Verb == "api").Line);
    }

    [Fact]
    public async Task An_api_command_nobody_scripted_fails_the_call_naming_the_command()
    {
        FlowSwitch flowSwitch = FlowSwitch.CustomerCallback();

        var failure = await Assert.ThrowsAsync<FlowSwitchException>(() =>
            FlowCall.RunAsync(flowSwitch, async (session, ct) => await session.ApiAsync("sofia_contact 1001@127.0.0.1", ct)));

        Assert.Contains("OnApi(\"sofia_contact\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unscripted_bridge_fails_the_call_instead_of_guessing_how_it_ends()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg();

        var failure = await Assert.ThrowsAsync<FlowSwitchException>(() =>
            FlowCall.RunAsync(flowSwitch, async (session, ct) => await session.ExecuteAsync("bridge", Wire.AgentDial + "13800138000", ct)));

        Assert.Contains("OnExecute(\"bridge\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_that_throws_fails_the_call_with_its_message()
    {
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg()
            .OnExecute("playback", _ => throw new InvalidOperationException("prompt not expected here"));

        var failure = await Assert.ThrowsAsync<FlowSwitchException>(() =>
            FlowCall.RunAsync(flowSwitch, async (session, ct) => await session.ExecuteAsync("playback", "ivr/hello.wav", ct)));

        Assert.Contains("prompt not expected here", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_the_fake_switch_does_not_play_is_refused_with_err_and_ends_its_run_with_the_reason()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var switchSide = new TcpClient();
        await switchSide.ConnectAsync((IPEndPoint)listener.LocalEndpoint, timeout.Token);
        using TcpClient controllerSide = await listener.AcceptTcpClientAsync(timeout.Token);
        FlowSwitch flowSwitch = FlowSwitch.AgentLeg();
        Task run = flowSwitch.RunAsync(switchSide.GetStream(), timeout.Token);

        NetworkStream controller = controllerSide.GetStream();
        await controller.WriteAsync("connect\n\nresume\n\n"u8.ToArray(), timeout.Token);

        var failure = await Assert.ThrowsAsync<FlowSwitchException>(() => run);
        Assert.Contains("resume", failure.Message, StringComparison.Ordinal);
        using var everything = new MemoryStream();
        await controller.CopyToAsync(everything, timeout.Token);
        string wire = Encoding.UTF8.GetString(everything.ToArray());
        Assert.EndsWith("Content-Type: command/reply\nReply-Text: -ERR command not found (resume)\n\n", wire, StringComparison.Ordinal);
        Assert.Contains(ContentTypes.CommandReply, wire, StringComparison.Ordinal);
    }
}
