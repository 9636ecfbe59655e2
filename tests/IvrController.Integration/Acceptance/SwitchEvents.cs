using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// The suite's own inbound event-socket connection: it watches what the switch really did (which
/// application ran on which leg, when a leg ended) independently of the controller, and runs
/// <c>api</c> checks of the switch's configuration.
/// </summary>
public sealed class SwitchEvents : IAsyncDisposable
{
    public static readonly string[] Subscriptions =
    [
        // PLAYBACK_START is sent only once the switch has opened the file: what proves a prompt was really played.
        // Before CUSTOM: every word after CUSTOM is read as a subclass name.
        "PLAYBACK_START", "PLAYBACK_STOP",
        EventNames.ChannelCreate, EventNames.ChannelAnswer, EventNames.ChannelBridge, EventNames.ChannelExecute,
        EventNames.ChannelExecuteComplete, EventNames.ChannelHangupComplete, EventNames.Custom,
        EventNames.SofiaRegister, EventNames.SofiaUnregister, EventNames.SofiaExpire,
    ];

    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Task _connection = Task.CompletedTask;

    public SwitchEvents(InboundClient client)
    {
        Client = client;
    }

    public InboundClient Client { get; }

    public Journal<SwitchEvent> Journal { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first connection says plainly what is wrong (address, password); then the client keeps
        // itself connected, across a restart of the switch too.
        await Client.ConnectAsync(cancellationToken);
        await Client.SubscribeAsync(Subscriptions, cancellationToken);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<InboundConnectionChange> changed = (_, change) =>
        {
            if (change.IsConnected)
            {
                connected.TrySetResult();
            }
        };
        Client.ConnectionChanged += changed;
        _connection = Client.RunAsync(_stop.Token);
        try
        {
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        finally
        {
            Client.ConnectionChanged -= changed;
        }

        _reading = ReadAsync();
    }

    public async Task<string> ApiAsync(string command, CancellationToken cancellationToken = default)
    {
        ApiResponse response = await Client.ApiAsync(command, TimeSpan.FromSeconds(10), cancellationToken);
        return response.Body;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection;
        await Client.DisposeAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the read loop.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (EslEvent received in Client.Events.ReadAllAsync(_stop.Token))
        {
            using (received)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach ((string name, string value) in received.EnumerateHeaders())
                {
                    headers.TryAdd(name, value);
                }

                Journal.Add(new SwitchEvent(DateTimeOffset.UtcNow, headers));
            }
        }
    }
}
