using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using IvrController.Esl.Messages;
using Xunit;

namespace IvrController.Esl.Tests.Messages;

public sealed class EslCommandTests
{
    private static string Wire(EslCommand command) => Encoding.UTF8.GetString(command.ToBytes());

    [Fact]
    public void Execute_renders_sendmsg_with_event_lock_and_our_event_uuid() =>
        Assert.Equal(
            "sendmsg\ncall-command: execute\nexecute-app-name: set\nexecute-app-arg: hangup_after_bridge=false\nevent-lock: true\nEvent-UUID: u-1\n\n",
            Wire(EslCommand.Execute("set", "hangup_after_bridge=false", "u-1")));

    [Fact]
    public void A_multi_line_argument_travels_as_a_body_with_its_byte_length()
    {
        string wire = Wire(EslCommand.Execute("speak", "第一行\n第二行", "u-2"));
        Assert.EndsWith("content-type: text/plain\ncontent-length: 19\n\n第一行\n第二行", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("execute-app-arg", wire, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_written_one_after_another_into_the_sockets_pipe_arrive_byte_exact()
    {
        var pipe = new Pipe();
        EslCommand[] commands =
        [
            EslCommand.Execute("set", "effective_callee_id_name=客户 138****5678", "u-3"),
            EslCommand.Execute("speak", "第一行\n第二行", "u-4"),
            EslCommand.Exit(),
        ];
        foreach (EslCommand command in commands)
        {
            command.WriteTo(pipe.Writer);
        }

        await pipe.Writer.FlushAsync();
        await pipe.Writer.CompleteAsync();
        ReadResult read = await pipe.Reader.ReadAsync();
        Assert.True(read.IsCompleted);
        Assert.Equal(
            "sendmsg\ncall-command: execute\nexecute-app-name: set\nexecute-app-arg: effective_callee_id_name=客户 138****5678\nevent-lock: true\nEvent-UUID: u-3\n\n"
                + "sendmsg\ncall-command: execute\nexecute-app-name: speak\nevent-lock: true\nEvent-UUID: u-4\ncontent-type: text/plain\ncontent-length: 19\n\n第一行\n第二行"
                + "exit\n\n",
            Encoding.UTF8.GetString(read.Buffer.ToArray()));
    }

    [Fact]
    public void Bgapi_carries_our_job_uuid() =>
        Assert.Equal("bgapi status\nJob-UUID: j-1\n\n", Wire(EslCommand.BackgroundApi("status", "j-1")));

    [Fact]
    public void Hangup_uses_call_command_hangup_so_it_acts_during_a_bridge() =>
        Assert.Equal("sendmsg\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n", Wire(EslCommand.Hangup(HangupCauses.UserBusy)));

    [Theory]
    [InlineData("status\n\napi hupall")]
    [InlineData("status\rx")]
    public void A_line_break_in_a_command_is_refused_so_nothing_can_be_smuggled_in(string command) =>
        Assert.Throws<ArgumentException>(() => EslCommand.Api(command));

    [Fact]
    public void A_line_break_in_a_header_value_is_refused() =>
        Assert.Throws<ArgumentException>(() => new EslCommand("sendmsg", [new("execute-app-name", "set\nexecute-app-name: hangup")]));

    [Fact]
    public void The_loggable_description_never_holds_arguments()
    {
        Assert.Equal("sendmsg bridge", EslCommand.Execute("bridge", "sofia/gateway/pstn/13800138000", "u").Description);
        Assert.Equal("api", EslCommand.Api("originate user/1001 &park").Description);
        Assert.Equal("auth", EslCommand.Auth("secret").Description);
    }
}
