using System.Globalization;
using System.Threading.Channels;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// Plays the switch's side of the call: runs the applications the controller queued, one after
/// another as <c>event-lock</c> makes the real switch do, and emits each one's events. It is the
/// only writer of call events, so their order is the order of the code below. Outcomes use it to
/// emit the frames of their story; hang-ups from any side come through <see cref="RequestHangup"/>.
/// </summary>
public sealed class CallDriver
{
    private const string Goodbye = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private readonly RecordedCall _source;
    private readonly SwitchOutput _output;
    private readonly EventSubscription _subscription;
    private readonly Func<ExecutedApplication, ApplicationOutcome> _outcomeOf;
    private readonly Action<ExecutedApplication> _started;
    private readonly Channel<object> _work = System.Threading.Channels.Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<object> _deferred = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bridged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _bridgeEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallDriver(
        RecordedCall source,
        CallChannel channel,
        Party thisLeg,
        SwitchOutput output,
        EventSubscription subscription,
        Func<ExecutedApplication, ApplicationOutcome> outcomeOf,
        Action<ExecutedApplication> started)
    {
        _started = started;
        _source = source;
        Channel = channel;
        ThisLeg = thisLeg;
        _output = output;
        _subscription = subscription;
        _outcomeOf = outcomeOf;
    }

    public CallChannel Channel { get; }

    /// <summary>Who is on the channel handed to the controller.</summary>
    public Party ThisLeg { get; }

    /// <summary>Null while the controller has not asked for <c>linger</c>; -1 for "until exit".</summary>
    public int? LingerSeconds { get; set; }

    /// <summary>Completes once the switch has sent everything it sends for the end of the call.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Completes when a bridge is up (CHANNEL_BRIDGE sent).</summary>
    public Task Bridged => _bridged.Task;

    /// <summary>Completes when the current (or next) bridge is over (CHANNEL_UNBRIDGE sent).</summary>
    public Task BridgeEnded => Volatile.Read(ref _bridgeEnded).Task;

    public void Enqueue(ExecutedApplication application) => _work.Writer.TryWrite(application);

    /// <summary>
    /// A hang-up joins the queue, so what the controller sent before it still runs first; an
    /// application that is waiting for one (a held bridge) takes it from the queue at once.
    /// </summary>
    public void RequestHangup(HangupRequest request) => _work.Writer.TryWrite(request);

    /// <summary>
    /// For an application that runs until someone hangs up: the next hang-up request. Applications
    /// queued meanwhile wait behind it, as behind the real switch's event-lock.
    /// </summary>
    public async Task<HangupRequest> WaitForHangupAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            object work = await _work.Reader.ReadAsync(cancellationToken);
            if (work is HangupRequest hangup)
            {
                return hangup;
            }

            _deferred.Enqueue(work);
        }
    }

    public void Stop() => _work.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await NextWorkAsync(cancellationToken) is { } work)
            {
                if (Channel.IsHungUp)
                {
                    // Applications still queued behind event-lock never run once the call is over.
                    continue;
                }

                if (work is HangupRequest { Origin: HangupOrigin.OtherParty })
                {
                    throw new FlowSwitchException("The test hung up the other party while no bridge was up");
                }

                if (work is HangupRequest hangup)
                {
                    await EndCallAsync(hangup, null, cancellationToken);
                }
                else if (work is ExecutedApplication application)
                {
                    await _outcomeOf(application).PlayAsync(this, application, cancellationToken);
                }
            }
        }
        catch (ChannelClosedException)
        {
            // The controller went away while an application waited for a hang-up: nothing more to play.
        }
        finally
        {
            _bridgeEnded.TrySetResult();
            _ended.TrySetResult();
        }
    }

    private async Task<object?> NextWorkAsync(CancellationToken cancellationToken)
    {
        if (_deferred.TryDequeue(out object? deferred))
        {
            return deferred;
        }

        while (await _work.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_work.Reader.TryRead(out object? work))
            {
                return work;
            }
        }

        return null;
    }

    /// <summary>CHANNEL_EXECUTE: the application starts; current_application* say so from now on.</summary>
    public async Task StartAsync(ExecutedApplication application, CancellationToken cancellationToken)
    {
        Channel.SetVariable("current_application_response", null);
        Channel.SetVariable("current_application_data", application.Argument);
        Channel.SetVariable("current_application", application.Name);
        await EmitAsync(EventNames.ChannelExecute, ApplicationHeaders(application, null), cancellationToken);
        _started(application);
    }

    /// <summary>CHANNEL_EXECUTE_COMPLETE with Application-Response (<c>_none_</c> when null), carrying every variable.</summary>
    public Task CompleteAsync(ExecutedApplication application, string? response, CancellationToken cancellationToken)
    {
        if (response is not null)
        {
            Channel.SetVariable("current_application_response", response);
        }

        return EmitAsync(EventNames.ChannelExecuteComplete, ApplicationHeaders(application, response ?? "_none_"), cancellationToken);
    }

    /// <summary>Renders the recorded event of that name with the channel's state and sends it if subscribed.</summary>
    public async Task EmitAsync(
        string eventName,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken,
        Func<RecordedEvent, bool>? template = null)
    {
        RecordedEvent recorded = Template(eventName, template);
        List<KeyValuePair<string, string>> rendered = Channel.Render(recorded, headers, includeVariables: true);
        if (_subscription.Wants(eventName, rendered))
        {
            await _output.EventAsync(eventName, CallChannel.Serialize(rendered), cancellationToken);
        }
    }

    /// <summary>CHANNEL_BRIDGE: the channel is bridged to <paramref name="otherLeg"/>.</summary>
    public async Task BridgeAsync(string otherLegUniqueId, IReadOnlyList<KeyValuePair<string, string>> otherLeg, CancellationToken cancellationToken)
    {
        Channel.Bridge(otherLegUniqueId, otherLeg);
        if (_bridgeEnded.Task.IsCompleted)
        {
            Volatile.Write(ref _bridgeEnded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await EmitAsync(EventNames.ChannelBridge, BridgeHeaders(), cancellationToken);
        _bridged.TrySetResult();
    }

    /// <summary>CHANNEL_UNBRIDGE: the bridge is over.</summary>
    public async Task UnbridgeAsync(CancellationToken cancellationToken)
    {
        Channel.Unbridge();
        await EmitAsync(EventNames.ChannelUnbridge, BridgeHeaders(), cancellationToken);
        _bridgeEnded.TrySetResult();
    }

    /// <summary>
    /// The end of the call as the captures show it: CHANNEL_HANGUP; the running application's
    /// completion; CHANNEL_UNPARK and the socket application's completion; CHANNEL_STATE to
    /// CS_HANGUP and CS_REPORTING; CHANNEL_HANGUP_COMPLETE with the CDR variables; and the linger
    /// disconnect-notice (right after CHANNEL_HANGUP when the caller hung up a bridged call, as in
    /// outbound-agent-call-bridge). Without linger the switch says goodbye and closes instead.
    /// </summary>
    public async Task EndCallAsync(HangupRequest request, ExecutedApplication? running, CancellationToken cancellationToken)
    {
        if (Channel.IsHungUp)
        {
            return;
        }

        Channel.HangUp(request.Cause);
        await EmitAsync(EventNames.ChannelHangup, [], cancellationToken);
        if (LingerSeconds is null)
        {
            await SayGoodbyeAsync(cancellationToken);
            await _output.CloseAsync();
            _ended.TrySetResult();
            return;
        }

        bool noticeFirst = request.Origin == HangupOrigin.Caller && Channel.IsBridged;
        if (noticeFirst)
        {
            await SendLingerNoticeAsync(cancellationToken);
        }

        if (Channel.IsBridged)
        {
            await UnbridgeAsync(cancellationToken);
        }

        if (running is not null)
        {
            await CompleteAsync(running, null, cancellationToken);
        }

        await EmitAsync(EventNames.ChannelUnpark, [], cancellationToken);
        await EmitAsync(
            EventNames.ChannelExecuteComplete,
            [],
            cancellationToken,
            e => e.Header("Application") == "socket");
        await EmitAsync(EventNames.ChannelState, [new("Channel-State", "CS_HANGUP"), new("Channel-State-Number", "10")], cancellationToken);
        Channel.Report();
        await EmitAsync(EventNames.ChannelState, [new("Channel-State", "CS_REPORTING"), new("Channel-State-Number", "11")], cancellationToken);
        SetCallDetailRecord();
        await EmitAsync(EventNames.ChannelHangupComplete, [new("Channel-State", "CS_REPORTING"), new("Channel-State-Number", "11")], cancellationToken);
        if (!noticeFirst)
        {
            await SendLingerNoticeAsync(cancellationToken);
        }

        _ended.TrySetResult();
    }

    /// <summary>The notice the switch sends when the session ends (exit, or hang-up without linger).</summary>
    public Task SayGoodbyeAsync(CancellationToken cancellationToken) => _output.WriteAsync(
        new SentFrame(
            ContentTypes.DisconnectNotice,
            null,
            $"Content-Type: text/disconnect-notice\nControlled-Session-UUID: {Channel.UniqueId}\nContent-Disposition: disconnect\nContent-Length: {Goodbye.Length}\n\n{Goodbye}"),
        cancellationToken);

    /// <summary>Bridge-A/B-Unique-ID, as CHANNEL_BRIDGE and CHANNEL_UNBRIDGE carry them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BridgeHeaders() =>
        [new("Bridge-A-Unique-ID", Channel.UniqueId), new("Bridge-B-Unique-ID", Channel.OtherLegUniqueId ?? string.Empty)];

    /// <summary>
    /// The other leg's header block for a bridge to <paramref name="target"/>: taken from a recorded
    /// bridge of the same kind of leg, with the new leg's UUID, number and caller ID.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherLegFor(DialTarget target, string otherLegUniqueId)
    {
        string captureName = ThisLeg == Party.Agent ? RecordedCall.AgentCall : RecordedCall.CallbackAnswered;
        RecordedCall recorded = RecordedCall.Load(captureName);
        RecordedEvent bridge = recorded.FindEvent(EventNames.ChannelBridge)
            ?? throw new InvalidDataException($"{captureName} has no CHANNEL_BRIDGE");
        RecordedEvent execute = recorded.FindEvent(EventNames.ChannelExecute, e => e.Header("Application") == "bridge")
            ?? throw new InvalidDataException($"{captureName} has no bridge");
        string recordedUser = DialTarget.Parse(execute.Header("Application-Data")).User;

        var block = new List<KeyValuePair<string, string>>();
        foreach ((string name, string value) in bridge.Headers.Where(h => h.Key == "Other-Type" || h.Key.StartsWith("Other-Leg-", StringComparison.Ordinal)))
        {
            string ours = name switch
            {
                "Other-Leg-Unique-ID" => otherLegUniqueId,
                "Other-Leg-Caller-ID-Number" => target.Variable("origination_caller_id_number") ?? value,
                "Other-Leg-Caller-ID-Name" => target.Variable("origination_caller_id_name") ?? target.Variable("origination_caller_id_number") ?? value,
                "Other-Leg-Callee-ID-Number" or "Other-Leg-Destination-Number" or "Other-Leg-Channel-Name" =>
                    value.Replace(recordedUser, target.User, StringComparison.Ordinal),
                _ => value.Replace(recorded.UniqueId, Channel.UniqueId, StringComparison.Ordinal),
            };
            block.Add(new(name, ours));
        }

        return block;
    }

    private Task SendLingerNoticeAsync(CancellationToken cancellationToken) => _output.WriteAsync(
        new SentFrame(
            ContentTypes.DisconnectNotice,
            null,
            $"Content-Type: text/disconnect-notice\nControlled-Session-UUID: {Channel.UniqueId}\nContent-Disposition: linger\nChannel-Name: {Channel.ChannelName}\nLinger-Time: {LingerSeconds}\nContent-Length: 0\n\n"),
        cancellationToken);

    private void SetCallDetailRecord()
    {
        DateTimeOffset end = Channel.Now;
        string cause = Channel.HangupCause!;
        Channel.SetVariable("hangup_cause", cause);
        Channel.SetVariable("hangup_cause_q850", HangupCauseCodes.Q850(cause).ToString(CultureInfo.InvariantCulture));
        Channel.SetVariable("last_app", Channel.GetVariable("current_application"));
        Channel.SetVariable("last_arg", Channel.GetVariable("current_application_data"));
        Channel.SetVariable("start_stamp", Stamp(Channel.Created));
        Channel.SetVariable("start_epoch", Channel.Created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (Channel.AnsweredAt is { } answered)
        {
            Channel.SetVariable("answer_stamp", Stamp(answered));
            Channel.SetVariable("answer_epoch", answered.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        Channel.SetVariable("end_stamp", Stamp(end));
        Channel.SetVariable("end_epoch", end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Channel.SetVariable("duration", Seconds(end - Channel.Created));
        Channel.SetVariable("billsec", Channel.AnsweredAt is { } since ? Seconds(end - since) : "0");
    }

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => ((long)Math.Max(0, span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> ApplicationHeaders(ExecutedApplication application, string? response)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Application", application.Name),
            new("Application-Data", application.Argument ?? string.Empty),
        };
        if (response is not null)
        {
            headers.Add(new("Application-Response", response));
        }

        headers.Add(new("Application-UUID", application.EventUuid));
        return headers;
    }

    /// <summary>The recorded event to fill in: from the call's own capture first, then from the others.</summary>
    private RecordedEvent Template(string eventName, Func<RecordedEvent, bool>? matches)
    {
        // Before hang-up, templates recorded before hang-up: their header set is the live channel's.
        Func<RecordedEvent, bool> usable = matches ?? (e => e.Header("Hangup-Cause") is null || Channel.IsHungUp);
        return _source.FindEvent(eventName, usable)
            ?? RecordedCall.All.Select(RecordedCall.Load).Select(c => c.FindEvent(eventName, usable)).FirstOrDefault(e => e is not null)
            ?? _source.FindEvent(eventName)
            ?? RecordedCall.All.Select(RecordedCall.Load).Select(c => c.FindEvent(eventName)).FirstOrDefault(e => e is not null)
            ?? throw new FlowSwitchException($"No recorded {eventName} to build the event from");
    }
}
