using IvrController.Store.Snapshots;
using Microsoft.Extensions.Hosting;

namespace IvrController.Hosting;

/// <summary>Keeps the rule snapshot current (LISTEN/NOTIFY) for the host's lifetime.</summary>
public sealed class RuleReloading(LiveRules rules) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => rules.RunAsync(stoppingToken);
}
