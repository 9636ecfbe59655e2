using System.Net.Sockets;
using IvrController.Esl.Outbound;
using Microsoft.Extensions.Logging.Abstractions;

namespace IvrController.FakeSwitch;

/// <summary>
/// One call from the fake switch to the controller: the real <see cref="OutboundServer"/> on a free
/// port runs the flow under test for the session it accepts; the <see cref="FlowSwitch"/> plays the
/// switch on a TCP connection to it. <see cref="CompletedAsync"/> waits for both, with a timeout,
/// and surfaces the switch's complaint first (it is usually why the flow failed).
/// </summary>
public sealed class FlowCall : IAsyncDisposable
{
    private readonly OutboundServer _server;
    private readonly TcpClient _socket;
    private readonly CancellationTokenSource _timeout;
    private readonly TimeSpan _limit;

    private FlowCall(FlowSwitch flowSwitch, OutboundServer server, TcpClient socket, Task flow, Task switchRun, CancellationTokenSource timeout, TimeSpan limit)
    {
        Switch = flowSwitch;
        _server = server;
        _socket = socket;
        Flow = flow;
        SwitchRun = switchRun;
        _timeout = timeout;
        _limit = limit;
    }

    public FlowSwitch Switch { get; }

    /// <summary>The flow's handler: completes when it returns, faults with what it threw.</summary>
    public Task Flow { get; }

    /// <summary><see cref="FlowSwitch.RunAsync"/>: completes when the session is over.</summary>
    public Task SwitchRun { get; }

    /// <summary>Cancelled when the call's time is up; for waits inside the test.</summary>
    public CancellationToken Timeout => _timeout.Token;

    public static async Task<FlowCall> StartAsync(
        FlowSwitch flowSwitch,
        Func<OutboundSession, CancellationToken, Task> flow,
        FlowCallOptions? options = null)
    {
        options ??= new FlowCallOptions();
        var flowDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        OutboundServerOptions serverOptions = options.Server;
        serverOptions.Port = 0;
        var server = new OutboundServer(
            serverOptions,
            async (session, cancellationToken) =>
            {
                try
                {
                    await flow(session, cancellationToken);
                    flowDone.TrySetResult();
                }
                catch (Exception e)
                {
                    flowDone.TrySetException(e);
                    throw;
                }
            },
            options.Loggers ?? NullLoggerFactory.Instance,
            options.Time);
        await server.StartAsync();

        var timeout = new CancellationTokenSource(options.Timeout);
        var socket = new TcpClient();
        await socket.ConnectAsync(server.LocalEndPoint, timeout.Token);
        Task switchRun = flowSwitch.RunAsync(socket.GetStream(), timeout.Token);
        return new FlowCall(flowSwitch, server, socket, flowDone.Task, switchRun, timeout, options.Timeout);
    }

    /// <summary>Runs a flow that returns a result through a whole call and returns it.</summary>
    public static async Task<T> RunAsync<T>(
        FlowSwitch flowSwitch,
        Func<OutboundSession, CancellationToken, Task<T>> flow,
        FlowCallOptions? options = null)
    {
        T? result = default;
        await using FlowCall call = await StartAsync(flowSwitch, async (session, cancellationToken) => result = await flow(session, cancellationToken), options);
        await call.CompletedAsync();
        return result!;
    }

    /// <summary>Runs a flow through a whole call.</summary>
    public static async Task RunAsync(FlowSwitch flowSwitch, Func<OutboundSession, CancellationToken, Task> flow, FlowCallOptions? options = null)
    {
        await using FlowCall call = await StartAsync(flowSwitch, flow, options);
        await call.CompletedAsync();
    }

    /// <summary>
    /// Waits until the flow returned and the switch's session is over. A switch failure is thrown
    /// first (as <see cref="FlowSwitchException"/>), then the flow's own exception; past the
    /// timeout, a <see cref="TimeoutException"/> says what the switch had received.
    /// </summary>
    public async Task CompletedAsync()
    {
        Task both = Task.WhenAll(Flow, SwitchRun);
        var switchFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = SwitchRun.ContinueWith(
            run =>
            {
                if (run.IsFaulted)
                {
                    switchFailed.TrySetResult();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            // A failed switch may leave the flow waiting for the controller's own timeouts: do not wait for it then.
            await Task.WhenAny(both, switchFailed.Task).WaitAsync(_timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The call was not over within {_limit.TotalSeconds:0} s (flow {Flow.Status}, switch {SwitchRun.Status}).\n{Switch.Describe()}");
        }

        if (SwitchRun.IsFaulted)
        {
            await SwitchRun;
        }

        await both;
    }

    public async ValueTask DisposeAsync()
    {
        await _timeout.CancelAsync();
        _socket.Dispose();
        await _server.DisposeAsync();
        try
        {
            await SwitchRun;
        }
        catch (Exception e) when (e is OperationCanceledException or FlowSwitchException)
        {
            // Already reported by CompletedAsync, or the test ended the call early on purpose.
        }

        _timeout.Dispose();
    }
}
