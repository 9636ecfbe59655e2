using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IvrController.FakeSwitch;

namespace IvrController.Load;

/// <summary>Plays calls of the mix against the controller: one TCP connection per leg, as the switch's outbound socket.</summary>
internal sealed class CallPlayer(IPEndPoint controller, CallMix mix)
{
    private static readonly TimeSpan LegLimit = TimeSpan.FromSeconds(60);
    private long _framesSent;
    private long _eventsSent;
    private long _bytesSent;

    /// <summary>What the fake switch sent the controller so far: frames, of them events, and bytes.</summary>
    public (long Frames, long Events, long Bytes) Sent => (Interlocked.Read(ref _framesSent), Interlocked.Read(ref _eventsSent), Interlocked.Read(ref _bytesSent));

    public async Task<CallTiming> PlayAsync(int sequence)
    {
        CallKind kind = CallMix.KindOf(sequence);
        try
        {
            switch (kind)
            {
                case CallKind.Callback when mix.CustomerToCallBack() is { } customer:
                    return new CallTiming(kind, true, await PlayLegAsync(CallMix.CustomerCallsBack(customer), bridges: true), null);
                case CallKind.Ivr or CallKind.Callback:
                    return new CallTiming(CallKind.Ivr, true, await PlayLegAsync(CallMix.StrangerCalls(sequence), bridges: true), null);
                default:
                    FlowSwitch agentLeg = CallMix.AgentDials(sequence);
                    TimeSpan? toBridge = await PlayLegAsync(agentLeg, bridges: true);
                    await PlayLegAsync(CallMix.SurveyHandBack(sequence, agentLeg), bridges: false);
                    mix.Called(CallMix.OutboundCustomer(sequence));
                    return new CallTiming(kind, true, toBridge, null);
            }
        }
        catch (Exception e) when (e is FlowSwitchException or IOException or SocketException or OperationCanceledException or TimeoutException)
        {
            return new CallTiming(kind, false, null, e.Message.Split('\n')[0]);
        }
    }

    /// <summary>One leg, connect to end; the time from connect until the controller's bridge reached the switch.</summary>
    public async Task<TimeSpan?> PlayLegAsync(FlowSwitch leg, bool bridges)
    {
        using var limit = new CancellationTokenSource(LegLimit);
        long connecting = Stopwatch.GetTimestamp();
        Task<ExecutedApplication>? bridge = bridges ? leg.WhenExecutingAsync("bridge", limit.Token) : null;
        using var socket = new TcpClient { NoDelay = true };
        await socket.ConnectAsync(controller, limit.Token);
        // Stamped where the switch saw the bridge start, whichever of the two tasks this method sees finish first.
        long bridgedAt = 0;
        Task? stamped = bridge?.ContinueWith(
            _ => Volatile.Write(ref bridgedAt, Stopwatch.GetTimestamp()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Task run = leg.RunAsync(socket.GetStream(), limit.Token);
        await run;
        if (stamped is not null)
        {
            await stamped.WaitAsync(TimeSpan.FromSeconds(1), limit.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        long at = Volatile.Read(ref bridgedAt);
        TimeSpan? toBridge = bridge is { IsCompletedSuccessfully: true } && at != 0 ? Stopwatch.GetElapsedTime(connecting, at) : null;
        IReadOnlyList<SentFrame> sent = leg.Sent;
        Interlocked.Add(ref _framesSent, sent.Count);
        Interlocked.Add(ref _eventsSent, sent.Count(f => f.EventName is not null));
        Interlocked.Add(ref _bytesSent, sent.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text)));
        if (bridges && toBridge is null)
        {
            throw new FlowSwitchException($"the controller never bridged: {leg.Describe()}");
        }

        return toBridge;
    }

    /// <summary>An agent call parked in its bridge: connected, bridged, and held until <paramref name="hangUp"/> is cancelled.</summary>
    public async Task<bool> HoldAsync(int sequence, Func<Task> whenBridged, CancellationToken hangUp)
    {
        FlowSwitch leg = CallMix.AgentDials(sequence, holdUntilHangup: true);
        using var socket = new TcpClient { NoDelay = true };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await socket.ConnectAsync(controller, limit.Token);
        Task run = leg.RunAsync(socket.GetStream(), limit.Token);
        await leg.WhenBridgedAsync(limit.Token);
        await whenBridged();
        try
        {
            await Task.Delay(Timeout.Infinite, hangUp);
        }
        catch (OperationCanceledException)
        {
            // Time to hang up.
        }

        await leg.PartyHangsUpAsync(Party.Agent, cancellationToken: limit.Token);
        await run;
        return true;
    }
}
