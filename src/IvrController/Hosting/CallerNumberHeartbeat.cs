using IvrController.Cluster;
using Microsoft.Extensions.Hosting;

namespace IvrController.Hosting;

/// <summary>Renews this controller's caller-number leases and re-reads the shared counts for the host's lifetime.</summary>
public sealed class CallerNumberHeartbeat(SharedCallerNumbers sharedNumbers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sharedNumbers.RunAsync(stoppingToken);
}
