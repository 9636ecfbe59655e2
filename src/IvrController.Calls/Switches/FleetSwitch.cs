using System.Threading.Channels;
using IvrController.Esl.Inbound;
using IvrController.Presence;
using Microsoft.Extensions.Logging;

namespace IvrController.Switches;

/// <summary>
/// One switch of the controller's: its event socket connection, the presence read from it, where its peers reach
/// it over SIP, and its core UUID (asked on every connect), by which a call it hands over is told apart from the
/// other switches' calls: every leg's channel data carries the Core-UUID of the switch it runs on.
/// </summary>
public sealed class FleetSwitch
{
    private const string CoreUuidCommand = "global_getvar core_uuid";

    private readonly ILogger _logger;
    private readonly Channel<bool> _connects = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private string? _coreUuid;

    public FleetSwitch(string name, string? peerAddress, InboundClient client, PresenceTracker presence, ILogger<FleetSwitch> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(logger);
        Name = name;
        PeerAddress = string.IsNullOrWhiteSpace(peerAddress) ? null : peerAddress;
        Client = client;
        Presence = presence;
        _logger = logger;
    }

    /// <summary>The switch's name in the controller's settings (Switches:N:Name; "default" for the single Esl:* switch).</summary>
    public string Name { get; }

    /// <summary>host:port of the switch's peers profile, where the other switches ring its agents; null: no peer route.</summary>
    public string? PeerAddress { get; }

    public InboundClient Client { get; }

    public PresenceTracker Presence { get; }

    /// <summary>Raised after the core UUID was read from the switch (on its connection's thread), with the UUID.</summary>
    public event EventHandler<string>? CoreUuidRead;

    /// <summary>The switch's core UUID as last read from it; null until the first connect (it changes with every switch restart).</summary>
    public string? CoreUuid => Volatile.Read(ref _coreUuid);

    /// <summary>Its presence is current: rebuilt from the switch since the last connection loss.</summary>
    public bool IsSynchronized => Presence.Presence.IsSynchronized;

    /// <summary>
    /// Reads the switch's core UUID after every connect until <paramref name="cancellationToken"/> fires. Start it
    /// before the client's RunAsync. A failed read is logged and tried again on the next connect.
    /// </summary>
    public async Task LearnCoreUuidAsync(CancellationToken cancellationToken)
    {
        Client.ConnectionChanged += OnConnectionChanged;
        try
        {
            if (Client.IsConnected)
            {
                _connects.Writer.TryWrite(true);
            }

            await foreach (bool _ in _connects.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await ReadCoreUuidAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Client.ConnectionChanged -= OnConnectionChanged;
            _logger.LogInformation("Stopped following switch {Switch}'s core UUID: the host is stopping", Name);
        }
    }

    private async Task ReadCoreUuidAsync(CancellationToken cancellationToken)
    {
        try
        {
            string answer = (await Client.ApiAsync(CoreUuidCommand, null, cancellationToken).ConfigureAwait(false)).Body.Trim();
            if (!Guid.TryParse(answer, out _))
            {
                _logger.LogWarning("Switch {Switch} answered '{Answer}' for its core UUID; its calls cannot be told apart from other switches' until the next connect", Name, answer);
                return;
            }

            string? before = Interlocked.Exchange(ref _coreUuid, answer);
            if (!string.Equals(before, answer, StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogInformation("Switch {Switch} runs as core {CoreUuid}", Name, answer);
            }

            CoreUuidRead?.Invoke(this, answer);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not read switch {Switch}'s core UUID ({Reason}); trying again on the next connect", Name, e.Message);
        }
    }

    private void OnConnectionChanged(object? sender, InboundConnectionChange change)
    {
        if (change.IsConnected)
        {
            _connects.Writer.TryWrite(true);
        }
    }
}
