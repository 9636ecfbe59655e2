using System.IO.Pipelines;
using System.Text;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// A fake FreeSWITCH playing its side of one outbound-socket call (<c>socket … async full</c>) for
/// a flow under test. Frames are templated from real captures (Fixtures/*.jsonl): the channel data
/// of the chosen capture (with the test's overrides), and recorded events filled in with this call's
/// state. It answers whatever commands the flow sends, following the test's script
/// (<see cref="OnExecute(string, Func{ExecutedApplication, ApplicationOutcome})"/>, <see cref="OnApi(string, string)"/>),
/// records them (<see cref="Received"/>, <see cref="Executed"/>, <see cref="Variables"/>), and fails
/// loudly (<see cref="FlowSwitchException"/> from <see cref="RunAsync"/>) on anything it was not told about.
/// </summary>
public sealed class FlowSwitch
{
    private readonly RecordedCall _recorded;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string?>> _variables = [];
    private readonly Dictionary<string, Func<ExecutedApplication, ApplicationOutcome>> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string, string>> _apis = new(StringComparer.Ordinal);
    private readonly List<ReceivedCommand> _received = [];
    private readonly List<ExecutedApplication> _executions = [];
    private readonly List<string> _errors = [];
    private readonly List<ExecutedApplication> _started = [];
    private readonly List<(string Application, TaskCompletionSource<ExecutedApplication> Waiter)> _startWaiters = [];
    private readonly TaskCompletionSource<CallDriver> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeProvider _clock = TimeProvider.System;
    private CallDriver? _call;
    private SwitchOutput? _output;

    private FlowSwitch(string captureName, Party thisLeg)
    {
        _recorded = RecordedCall.Load(captureName);
        ThisLeg = thisLeg;
        UniqueId = Guid.NewGuid().ToString();
    }

    /// <summary>Who is on the channel handed to the controller.</summary>
    public Party ThisLeg { get; }

    /// <summary>The channel's UUID (a fresh one unless <see cref="WithUniqueId"/> says otherwise).</summary>
    public string UniqueId { get; private set; }

    public string CaptureName => _recorded.Name;

    /// <summary>Commands received, in order.</summary>
    public IReadOnlyList<ReceivedCommand> Received => Snapshot(_received);

    /// <summary>Applications the flow ran (sendmsg execute), in order.</summary>
    public IReadOnlyList<ExecutedApplication> Executions => Snapshot(_executions);

    /// <summary>(application, argument) of every sendmsg execute, in order: what to assert on.</summary>
    public IReadOnlyList<(string Application, string? Argument)> Executed => Executions.Select(e => (e.Name, e.Argument)).ToList();

    /// <summary>The channel variables now (after the call: as in its CHANNEL_HANGUP_COMPLETE).</summary>
    public IReadOnlyDictionary<string, string> Variables => _call?.Channel.Variables ?? new Dictionary<string, string>();

    /// <summary>Frames sent to the controller, in order.</summary>
    public IReadOnlyList<SentFrame> Sent => _output?.Sent ?? [];

    public string? HangupCause => _call?.Channel.HangupCause;

    public bool ExitReceived { get; private set; }

    /// <summary>What went wrong on the switch's side (unscripted commands, script failures).</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>An agent's phone dialled out (context agents, user 1001, destination 13800138000).</summary>
    public static FlowSwitch AgentLeg() => new(RecordedCall.AgentCall, Party.Agent);

    /// <summary>A customer (13800138000) called one of our numbers (02152810000, context public).</summary>
    public static FlowSwitch CustomerCallback() => new(RecordedCall.CallbackAnswered, Party.Customer);

    /// <summary>The customer leg handed back for the survey (destination survey, context controller, answered).</summary>
    public static FlowSwitch SurveyHandBack() => new(RecordedCall.SurveyHandBack, Party.Customer);

    /// <summary>Any outbound capture as the channel's starting point (see <see cref="RecordedCall"/>).</summary>
    public static FlowSwitch FromCapture(string captureName, Party thisLeg) => new(captureName, thisLeg);

    /// <summary>
    /// Overrides a header of the channel data and of every event of this channel. A <c>Caller-X</c>
    /// header also sets its <c>Channel-X</c> twin (the channel data carries the caller profile twice);
    /// <c>variable_X</c> sets the variable; <c>Unique-ID</c> the channel's UUID.
    /// </summary>
    public FlowSwitch WithHeader(string name, string value)
    {
        if (name.StartsWith("variable_", StringComparison.Ordinal))
        {
            return WithVariable(name["variable_".Length..], value);
        }

        if (string.Equals(name, "Unique-ID", StringComparison.OrdinalIgnoreCase))
        {
            return WithUniqueId(value);
        }

        _headers[name] = value;
        if (name.StartsWith("Caller-", StringComparison.Ordinal))
        {
            string twin = "Channel-" + name["Caller-".Length..];
            if (_recorded.ChannelData.Header(twin) is not null)
            {
                _headers[twin] = value;
            }
        }

        return this;
    }

    /// <summary>Sets a channel variable the call starts with; null removes a recorded one.</summary>
    public FlowSwitch WithVariable(string name, string? value)
    {
        _variables.Add(new(name, value));
        return this;
    }

    public FlowSwitch WithUniqueId(string uniqueId)
    {
        UniqueId = uniqueId;
        return this;
    }

    public FlowSwitch WithCallerIdNumber(string number) => WithHeader(HeaderNames.CallerIdNumber, number);

    public FlowSwitch WithCallerIdName(string name) => WithHeader(HeaderNames.CallerIdName, name);

    public FlowSwitch WithDestinationNumber(string number) => WithHeader(HeaderNames.CallerDestinationNumber, number);

    public FlowSwitch WithContext(string context) => WithHeader(HeaderNames.CallerContext, context);

    /// <summary>The SIP user the phone authenticated as: Caller-Username and the sip_auth_username/user_name variables.</summary>
    public FlowSwitch WithAuthenticatedUser(string user) =>
        WithHeader(HeaderNames.CallerUsername, user)
            .WithVariable("sip_auth_username", user)
            .WithVariable("user_name", user)
            .WithVariable("sip_from_user", user);

    /// <summary>The clock for Event-Date headers and the CDR stamps (a FakeTimeProvider in tests that need fixed times).</summary>
    public FlowSwitch WithClock(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    /// <summary>
    /// Scripts how an application ends. Unscripted applications complete at once with <c>_none_</c>,
    /// except: set/export/unset/multiset change the variables (always), answer answers, hangup hangs
    /// up, playback completes with FILE PLAYED, and bridge must be scripted (it fails the test otherwise).
    /// </summary>
    public FlowSwitch OnExecute(string application, Func<ExecutedApplication, ApplicationOutcome> outcome)
    {
        _scripts[application] = outcome;
        return this;
    }

    /// <summary>One outcome per run of the application, in order; the last one repeats.</summary>
    public FlowSwitch OnExecute(string application, params ApplicationOutcome[] outcomesInOrder)
    {
        ArgumentOutOfRangeException.ThrowIfZero(outcomesInOrder.Length);
        int runs = 0;
        return OnExecute(application, _ => outcomesInOrder[Math.Min(runs++, outcomesInOrder.Length - 1)]);
    }

    /// <summary>The api/response body for <c>api &lt;command&gt; …</c> (matched on the command's first word).</summary>
    public FlowSwitch OnApi(string command, Func<string, string> response)
    {
        _apis[command] = response;
        return this;
    }

    public FlowSwitch OnApi(string command, string response) => OnApi(command, _ => response);

    /// <summary>The caller (the party on this leg) hangs up now; completes once the switch has sent the call's end.</summary>
    public Task CallerHangsUpAsync(string cause = HangupCauses.NormalClearing, CancellationToken cancellationToken = default) =>
        PartyHangsUpAsync(ThisLeg, cause, cancellationToken);

    /// <summary>
    /// <paramref name="party"/> hangs up now: the caller ends the call; the bridged party ends the
    /// bridge (<see cref="BridgeResult.AnsweredUntilHangup"/>) and the call goes on or ends as
    /// <c>hangup_after_bridge</c> says. Completes once the switch has played it.
    /// </summary>
    public async Task PartyHangsUpAsync(Party party, string cause = HangupCauses.NormalClearing, CancellationToken cancellationToken = default)
    {
        CallDriver call = await _connected.Task.WaitAsync(cancellationToken);
        bool caller = party == ThisLeg;
        Task played = caller ? call.Ended : Task.WhenAny(call.BridgeEnded, call.Ended);
        call.RequestHangup(new HangupRequest(caller ? HangupOrigin.Caller : HangupOrigin.OtherParty, cause));
        await played.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when a bridge is up (CHANNEL_BRIDGE sent).</summary>
    public async Task WhenBridgedAsync(CancellationToken cancellationToken)
    {
        CallDriver call = await _connected.Task.WaitAsync(cancellationToken);
        await call.Bridged.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Completes when the switch has started <paramref name="application"/> (its CHANNEL_EXECUTE is
    /// out): the moment to fire a hang-up "during" it.
    /// </summary>
    public Task<ExecutedApplication> WhenExecutingAsync(string application, CancellationToken cancellationToken)
    {
        lock (_started)
        {
            if (_started.FirstOrDefault(a => a.Name == application) is { } started)
            {
                return Task.FromResult(started);
            }

            var waiter = new TaskCompletionSource<ExecutedApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
            _startWaiters.Add((application, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when the call is over on the wire (or the connection ended).</summary>
    public async Task WhenCallEndedAsync(CancellationToken cancellationToken)
    {
        CallDriver call = await _connected.Task.WaitAsync(cancellationToken);
        await call.Ended.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Plays the switch on <paramref name="stream"/> (connected to the controller's outbound server)
    /// until the controller says exit or closes, or the switch closes after a hang-up without linger.
    /// Throws <see cref="FlowSwitchException"/> if anything happened the script did not cover.
    /// </summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var output = new SwitchOutput(stream);
        var subscription = new EventSubscription();
        var channel = new CallChannel(_recorded, UniqueId, _headers, _variables, _clock);
        var call = new CallDriver(_recorded, channel, ThisLeg, output, subscription, OutcomeOf, Started);
        _output = output;
        _call = call;
        Task driver = DriveAsync(call, output, stop);
        PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var session = new CommandSession(this, call, output, subscription);
        try
        {
            while (true)
            {
                ReceivedCommand? command;
                try
                {
                    command = await CommandReader.ReadAsync(reader, stop.Token);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The switch closed the socket itself (hang-up without linger, or a failure below).
                    break;
                }

                if (command is null)
                {
                    break;
                }

                lock (_received)
                {
                    _received.Add(command);
                }

                if (!await session.AnswerAsync(command, stop.Token))
                {
                    break;
                }
            }
        }
        finally
        {
            // Whoever waits for the call to connect must not wait for a session that is over.
            _connected.TrySetException(new FlowSwitchException("The session ended before the controller sent connect"));
            call.Stop();
            await output.CloseAsync();
            await reader.CompleteAsync();
            await driver;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Errors.Count > 0)
        {
            throw new FlowSwitchException(Describe());
        }
    }

    /// <summary>What the switch saw, for failure messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"FlowSwitch ({_recorded.Name}, {ThisLeg} leg)");
        foreach (string error in Errors)
        {
            text.Append("\n  error: ").Append(error);
        }

        text.Append("\n  received:");
        foreach (ReceivedCommand command in Received)
        {
            text.Append("\n    ").Append(command);
        }

        return text.ToString();
    }

    internal void Fail(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    internal void Connected(CallDriver call) => _connected.TrySetResult(call);

    internal void RecordExecution(ExecutedApplication application)
    {
        lock (_executions)
        {
            _executions.Add(application);
        }
    }

    internal void RecordExit() => ExitReceived = true;

    internal string? ApiResponse(string command)
    {
        string name = command.Split(' ', 2)[0];
        return _apis.TryGetValue(name, out Func<string, string>? response) ? response(command) : null;
    }

    private void Started(ExecutedApplication application)
    {
        lock (_started)
        {
            _started.Add(application);
            foreach ((string name, TaskCompletionSource<ExecutedApplication> waiter) in _startWaiters.Where(w => w.Application == application.Name).ToList())
            {
                waiter.TrySetResult(application);
            }

            _startWaiters.RemoveAll(w => w.Application == application.Name);
        }
    }

    private async Task DriveAsync(CallDriver call, SwitchOutput output, CancellationTokenSource stop)
    {
        try
        {
            await call.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The session is over; nothing is left to play.
        }
        catch (Exception e)
        {
            Fail(e is FlowSwitchException ? e.Message : $"playing the call failed: {e}");
            await stop.CancelAsync();
            await output.CloseAsync();
        }
    }

    private ApplicationOutcome OutcomeOf(ExecutedApplication application)
    {
        if (VariableOutcome.Handles(application.Name))
        {
            return new VariableOutcome();
        }

        if (_scripts.TryGetValue(application.Name, out Func<ExecutedApplication, ApplicationOutcome>? script))
        {
            try
            {
                return script(application) ?? throw new FlowSwitchException($"The script for '{application}' returned no outcome");
            }
            catch (Exception e) when (e is not FlowSwitchException)
            {
                throw new FlowSwitchException($"The script for '{application}' threw: {e.Message}", e);
            }
        }

        return application.Name switch
        {
            "answer" => new AnswerOutcome(),
            "hangup" => new HangupOutcome(),
            "playback" => Outcome.FilePlayed,
            "bridge" => throw new FlowSwitchException($"'{application}' is not scripted: say how it ends with OnExecute(\"bridge\", _ => BridgeResult.…)"),
            _ => Outcome.None,
        };
    }

    private static List<T> Snapshot<T>(List<T> list)
    {
        lock (list)
        {
            return list.ToList();
        }
    }
}
