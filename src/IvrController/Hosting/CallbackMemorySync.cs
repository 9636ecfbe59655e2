using IvrController.Store.Changes;
using Microsoft.Extensions.Hosting;

namespace IvrController.Hosting;

/// <summary>Keeps the callback memory current with every controller's outbound calls (LISTEN/NOTIFY) for the host's lifetime.</summary>
public sealed class CallbackMemorySync(OutboundCallListener listener) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => listener.RunAsync(stoppingToken);
}
