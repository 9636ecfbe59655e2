using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// Answers each command as the switch's event socket does for an outbound session (reply texts
/// as recorded) and hands applications and hang-ups to the <see cref="CallDriver"/>. Anything
/// else is refused with <c>-ERR</c> and fails the test.
/// </summary>
internal sealed class CommandSession(FlowSwitch flowSwitch, CallDriver call, SwitchOutput output, EventSubscription subscription)
{
    private bool _connected;

    /// <summary>False when the session is over (exit, or a command the script does not cover).</summary>
    public async Task<bool> AnswerAsync(ReceivedCommand command, CancellationToken cancellationToken)
    {
        if (!_connected && command.Verb != "connect")
        {
            return await RefuseAsync(command, "an outbound session must start with 'connect'", cancellationToken);
        }

        string[] arguments = command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (command.Verb)
        {
            case "connect":
                _connected = true;
                List<KeyValuePair<string, string>> channelData = call.Channel.Render(RecordedCall.Load(flowSwitch.CaptureName).ChannelData, [], includeVariables: true);
                await output.WriteAsync(new SentFrame(ContentTypes.CommandReply, EventNames.ChannelData, CallChannel.Serialize(channelData)), cancellationToken);
                flowSwitch.Connected(call);
                return true;
            case "myevents" when arguments.All(a => a is "plain" || a == call.Channel.UniqueId):
                // The switch's fixed list (mod_event_socket.c), not ALL.
                subscription.Subscribe([.. EventNames.MyEventsBeyondTheSession, .. EventNames.OutboundSessionOwn]);
                await output.ReplyAsync("+OK Events Enabled", cancellationToken);
                return true;
            case "event" when arguments is ["plain", .. var names]:
                subscription.Subscribe(names);
                await output.ReplyAsync("+OK event listener enabled plain", cancellationToken);
                return true;
            case "nixevent" when arguments.Length > 0:
                subscription.Unsubscribe(arguments);
                await output.ReplyAsync("+OK events nixed", cancellationToken);
                return true;
            case "noevents":
                subscription.Clear();
                await output.ReplyAsync("+OK no longer listening for events", cancellationToken);
                return true;
            case "linger":
                call.LingerSeconds = arguments is [var seconds] && int.TryParse(seconds, out int limit) ? limit : -1;
                await output.ReplyAsync("+OK will linger", cancellationToken);
                return true;
            case "nolinger":
                call.LingerSeconds = null;
                await output.ReplyAsync("+OK will not linger", cancellationToken);
                return true;
            case "filter" when arguments is ["delete", var header, .. var value]:
                subscription.RemoveFilter(header, value.Length > 0 ? string.Join(' ', value) : null);
                await output.ReplyAsync($"+OK filter deleted. [{header}]=[{string.Join(' ', value)}]", cancellationToken);
                return true;
            case "filter" when arguments is [var header, .. var value] && value.Length > 0:
                subscription.AddFilter(header, string.Join(' ', value));
                await output.ReplyAsync($"+OK filter added. [{header}]=[{string.Join(' ', value)}]", cancellationToken);
                return true;
            case "divert_events" when arguments is ["on" or "off"]:
                await output.ReplyAsync(arguments[0] == "on" ? "+OK events diverted" : "+OK events not diverted", cancellationToken);
                return true;
            case "sendmsg":
                return await SendMessageAsync(command, arguments, cancellationToken);
            case "api":
                return await ApiAsync(command, cancellationToken);
            case "exit":
                flowSwitch.RecordExit();

                // The real switch emits a hang-up's frames within a millisecond, long before an
                // exit the flow sends on seeing the first of them; so here they go out first too.
                if (call.Channel.IsHungUp)
                {
                    await call.Ended.WaitAsync(cancellationToken);
                }

                await output.ReplyAsync("+OK bye", cancellationToken);
                await call.SayGoodbyeAsync(cancellationToken);
                return false;
            default:
                return await RefuseAsync(command, $"'{command.Line}' is not a command this fake switch plays", cancellationToken);
        }
    }

    private async Task<bool> SendMessageAsync(ReceivedCommand command, string[] arguments, CancellationToken cancellationToken)
    {
        if (arguments is [var uuid] && uuid != call.Channel.UniqueId)
        {
            return await RefuseAsync(command, $"sendmsg names channel {uuid}, not this call ({call.Channel.UniqueId})", cancellationToken);
        }

        switch (command.CallCommand)
        {
            case "execute" when !string.IsNullOrEmpty(command.Application):
                var application = new ExecutedApplication(command.Application, command.ApplicationArgument, command.Header("Event-UUID") ?? Guid.NewGuid().ToString(), command);
                flowSwitch.RecordExecution(application);
                await output.ReplyAsync("+OK", cancellationToken);

                // After hang-up the switch still accepts the message, and nothing runs.
                call.Enqueue(application);
                return true;
            case "hangup":
                await output.ReplyAsync("+OK", cancellationToken);
                call.RequestHangup(new HangupRequest(HangupOrigin.Controller, command.Header("hangup-cause") ?? HangupCauses.NormalClearing));
                return true;
            default:
                return await RefuseAsync(command, $"sendmsg call-command '{command.CallCommand}' is not played by this fake switch", cancellationToken);
        }
    }

    private async Task<bool> ApiAsync(ReceivedCommand command, CancellationToken cancellationToken)
    {
        if (flowSwitch.ApiResponse(command.Arguments) is { } body)
        {
            await output.ApiResponseAsync(body, cancellationToken);
            return true;
        }

        string name = command.Arguments.Split(' ', 2)[0];
        flowSwitch.Fail($"'api {command.Arguments}' is not scripted: add OnApi(\"{name}\", ...)");
        await output.ApiResponseAsync($"-ERR {name} Command not found!\n", cancellationToken);
        return false;
    }

    private async Task<bool> RefuseAsync(ReceivedCommand command, string reason, CancellationToken cancellationToken)
    {
        flowSwitch.Fail(reason);
        await output.ReplyAsync($"-ERR command not found ({command.Verb})", cancellationToken);
        return false;
    }
}
