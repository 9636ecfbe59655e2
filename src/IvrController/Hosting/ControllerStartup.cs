using IvrController.Cluster;
using IvrController.Esl.Outbound;
using IvrController.Flows;
using IvrController.Rules.Callback;
using IvrController.Store.Calls;
using IvrController.Store.Migrations;
using IvrController.Store.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// Brings the controller up in order: schema, rules, today's counters (shared with the other
/// controllers: the first heartbeat), then the socket the switch
/// hands calls to. A failure here stops the start with the reason; calls are only accepted once
/// the rules are loaded.
/// </summary>
public sealed class ControllerStartup(
    ControllerSettings settings,
    DatabaseMigrator migrator,
    LiveRules rules,
    CallLog callLog,
    LiveCallerNumberUsage usage,
    SharedCallerNumbers sharedNumbers,
    CallbackMemory callbackMemory,
    TimeProvider time,
    OutboundServer outbound,
    ILogger<ControllerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Database.MigrateAtStart)
        {
            IReadOnlyList<string> applied = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Schema: {Applied}", applied.Count == 0 ? "up to date" : $"applied {string.Join(", ", applied)}");
        }

        var snapshot = await rules.LoadNowAsync(cancellationToken).ConfigureAwait(false);
        usage.SeedToday(await callLog.CallsPerCallerNumberSinceAsync(usage.StartOfToday, cancellationToken).ConfigureAwait(false));
        if (settings.Cluster.Enabled)
        {
            await sharedNumbers.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        await RememberRecentCallsAsync(snapshot.Settings.Callback.Window, cancellationToken).ConfigureAwait(false);
        await outbound.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Controller ready: rules version {Version} ({Numbers} numbers, {Agents} agents). FreeSWITCH must hand calls over with: socket {EndPoint} async full",
            snapshot.Version, snapshot.Pool.Count, snapshot.Agents.Count, outbound.LocalEndPoint);
    }

    /// <summary>The callback memory a call can use without the database: the call log's latest call per customer.</summary>
    private async Task RememberRecentCallsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        TimeSpan reach = window < callbackMemory.Retention ? window : callbackMemory.Retention;
        IReadOnlyList<LastOutboundCall> calls = await callLog.LatestOutboundCallPerCustomerSinceAsync(time.GetUtcNow() - reach, cancellationToken).ConfigureAwait(false);
        foreach (LastOutboundCall call in calls)
        {
            callbackMemory.Remember(call);
        }

        logger.LogInformation("Callback memory: {Customers} customer(s) called in the last {Hours:0} h", callbackMemory.Count, reach.TotalHours);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping: no new calls; waiting for {Calls} call(s) in progress", outbound.ActiveSessions);
        await outbound.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
